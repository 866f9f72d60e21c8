# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
#   truce:
#     data: [commitments, events, soybeans, tariff_measures]
# ---

# %% [markdown]
# # 休战履约记分卡
#
# 本页列出双方在日内瓦（2025年5月）、伦敦（2025年6月）、吉隆坡和釜山（2025年10月）以及北京峰会（2026年5月）上各自承诺了什么，之后又观察到了什么。每项承诺都根据公开发布的文本和声明概括而成；每项结果都注明日期和出处。如果华盛顿和北京对同一步骤的说法不同，或者关于兑现情况的数据相互矛盾，条目中会加以说明。
#
# 在追踪的[29](fig:scorecard-commitments)项承诺中，[15](fig:scorecard-met)项已履行；[1](fig:scorecard-met-on-bookings)项按订单宣布已履行，但交付尚未得到证实（即2025年这一季的[1200万吨](fig:soy-pledge-initial)大豆）；[5](fig:scorecard-partly-met)项部分履行；记为未履行的有[0](fig:scorecard-missed)项。另有[6](fig:scorecard-pending)项待定，[1](fig:scorecard-superseded)项因[美国最高法院对依据《国际紧急经济权力法》（IEEPA）所加关税的裁决](event:court-scotus-learning-resources-2026-02-20)而已被取代，[1](fig:scorecard-unverified)项无法核实：其到期日已过，而检索到的来源都没有说明结果如何。“已履行”只表示承诺的步骤已经采取，并不代表任何一方政府认定对方已经遵守承诺。
#
# 本页的各项期限也以日历文件[deadlines.ics](../deadlines.ics)和[JSON数据源](../deadlines.json)的形式发布。数据中的下一个期限是[2026年12月31日](fig:deadlines-next)。

# %%
from IPython.display import HTML

from truce.blocks import scorecard

# %%
HTML(scorecard.summary_html() + scorecard.legend_html())

# %% [markdown]
# ## 日内瓦，2025年5月 { #geneva-may-2025 }
#
# [《中美日内瓦经贸会谈联合声明》](event:geneva-joint-statement-2025-05-12)把双方对所有商品加征的关税下调90天，并建立了常设的经贸磋商机制。

# %%
HTML(scorecard.round_html("geneva-2025"))

# %% [markdown]
# ## 伦敦，2025年6月 { #london-june-2025 }
#
# 此前，双方围绕中国的稀土出口许可，以及美国对芯片设计软件、乙烷和喷气发动机实施的新出口限制发生了争执；[伦敦框架](event:london-talks-framework-2025-06-10)的目的就是落实日内瓦的成果。

# %%
HTML(scorecard.round_html("london-2025"))

# %% [markdown]
# ## 吉隆坡和釜山，2025年10月 { #kuala-lumpur-and-busan-october-2025 }
#
# 在吉隆坡商定、并在两国元首[釜山会晤](event:busan-trump-xi-meeting-2025-10-30)时确认的一揽子安排，是承诺最多的一组。其中大多数是为期一年的暂停，将于2026年11月到期。

# %%
HTML(scorecard.round_html("busan-2025"))

# %% [markdown]
# ## 北京，2026年5月 { #beijing-may-2026 }
#
# [北京峰会](event:both-beijing-summit-2026-05-13)达成了购买波音飞机的承诺，中国商务部随后予以确认；中方还表示将寻求延长休战。

# %%
HTML(scorecard.round_html("beijing-2026"))

# %% [markdown]
# ## 大豆：两种交付统计 { #soybeans-two-counts-of-delivery }
#
# 在所有承诺中，大豆承诺的兑现情况最难判断，因为双方的数据统计的是不同的东西。美方的数字统计的是采购：向美国农业部申报的销售、行业估计和官员的表态。中国海关统计的是到港量，通常比采购晚几周；直到2025年12月，中国海关数据都没有显示有来自美国的大豆。[@tradingkey-reuters-soybeans-2025]两种数字都按记录列出。截至数据最后一次核对之日，2026年承诺的进展情况还找不到有出处的资料。

# %%
HTML(scorecard.soybean_delivery_html())

# %% [markdown]
# ## 期限 { #deadlines }
#
# 数据中还有[2](fig:deadlines-upcoming)个期限尚未到来。这份清单根据各项承诺的到期日、各项暂停措施和各层加征关税的结束日期、大事记中记录的预定结束日期以及两国元首会晤整理而成。釜山会晤达成的许多暂停措施原定于2026年11月10日到期；它们后来是延期、任其失效还是被新措施取代，找不到有出处的资料，大事记中的相关条目对此也有说明。可以用[日历文件](../deadlines.ics)订阅，或者阅读[JSON数据源](../deadlines.json)。

# %%
HTML(scorecard.deadlines_html())

# %% [markdown]
# 下载数据：[commitments.csv](../data/commitments.csv)及其来源[sources.csv](../data/sources.csv)。
