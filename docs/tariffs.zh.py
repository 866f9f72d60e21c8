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
#     data: [average_tariffs, events, quoted_rates, tariff_measures, tariff_confirmed, tariff_scenarios, tariff_lists, list_products, product_exclusions, products, trade_weights, mfn_rates, sources]
# ---

# %% [markdown]
# # 关税追踪
#
# 这场贸易战中被引用的各种数字，衡量的往往不是同一样东西。本页从法律层级出发逐层构建这些数字：每一份行政令、总统公告或国务院关税税则委员会公告都是数据中的一行，记有税率、起始日和终止日，本站据此可以算出任何一天的合计税率。
#
# **加征关税水平**是对另一方*所有*商品适用的加征关税之和。在最高点，美国对中国商品的这一水平达到[145%](fig:us-headline-peak)，中国对美国商品达到[125%](fig:cn-headline-peak)；日内瓦会谈之后分别降至[30%](fig:us-headline-geneva)和[10%](fig:cn-headline-geneva)，釜山会晤之后降至[20%](fig:us-headline-busan)和[10%](fig:cn-headline-busan)。针对特定商品的加征层级（301条款清单、232条款下的钢铁或汽车关税、中国的农产品清单）会在其覆盖的商品上再叠加，详见下文的完整关税叠加。要查看任一商品在任一天的全部关税叠加，请使用[商品查询](lookup/)。

# %%
from IPython.display import HTML

from truce.blocks import products, tariffs

# %%
HTML(tariffs.headline_chart(chart_id="headline-rates-2018"))

# %% [markdown]
# 在图上拖动或滚动即可放大某一时段；图下的表格列出了每一次变动。
#
# ## 逐个商品计算的平均关税 { #the-average-tariff-product-by-product }
#
# 加征关税水平只计算对所有商品加征的关税。**贸易加权平均关税**则计入每种商品上的每一层关税：正常关税、301条款清单、232条款，以及扣除豁免后的对所有商品加征的关税，并按2024年的进口额加权。美国对中国商品的平均关税在[2025年5月3日](fig:us-average-peak-date)达到峰值[118.7%](fig:us-average-peak)，其中[104.1%](fig:us-average-peak-all-goods)来自对所有商品加征的关税：电子产品和232条款所涵盖商品享有的豁免，使平均关税远低于加征关税水平。中国的平均关税在[2025年4月12日](fig:cn-average-peak-date)达到峰值[144.7%](fig:cn-average-peak)，其中[125.0%](fig:cn-average-peak-all-goods)来自对所有美国商品加征的关税。在有来源确认双方关税的最后日期，美方平均关税为[28.1%](fig:us-average-confirmed)（[2026年7月3日](fig:us-confirmed-date)），中方为[28.0%](fig:cn-average-confirmed)（[2026年5月20日](fig:cn-confirmed-date)）。这些日期之后的曲线为虚线，依据法律文本绘制：按照法律文本，美国的进口附加费已于2026年7月24日到期，中国的暂停实施已于2026年11月10日到期，那么今天的平均关税将分别是[23.5%](fig:us-average-now)和[52.0%](fig:cn-average-now)；我们没有找到任何来源说明二者是否获得延期或被其他措施取代。

# %%
HTML(products.average_chart())

# %% [markdown]
# ### 平均关税的构成 { #what-the-average-is-made-of }
#
# 下图在几个关键时点，按法律依据拆分同一平均关税。休战期间，对所有商品加征的关税只占美国平均关税的一小部分：大部分来自第一次贸易战时开征的301条款关税，以及232条款下对钢、铝、铜、汽车及零部件加征的关税。

# %%
HTML(products.breakdown_chart())

# %% [markdown]
#
# ## 查看任意一天的关税叠加 { #read-the-stack-on-any-day }
#
# 选择一个日期，即可查看当天构成双方对所有商品加征关税的各个法律层级。

# %%
HTML(tariffs.stack_reader())

# %% [markdown]
# ## 加征关税水平背后的各个层级 { #the-layers-behind-the-headline-rate }

# %%
HTML(tariffs.layers_chart())

# %% [markdown]
# ## 被引用的数字算的是什么 { #what-the-quoted-numbers-count }
#
# 下表列出[11](fig:quoted-rates-count)个被广泛引用的数字，说明每个数字衡量的是什么，以及按法律层级计算同一天得出的结果。法定加征关税水平只计算对所有商品加征的关税。商品关税叠加则再加上对某一类商品加征的关税：2025年6月的“55%”是301条款第三批清单上商品的关税叠加（[55%](fig:us-stack-list3-june-2025)），白宫所说的“最高245%”与注射器的关税叠加相符，注射器适用的301条款关税是所有商品中最高的（[245%](fig:us-stack-syringes-april-2025)）。贸易加权平均关税把所有层级分摊到实际贸易的商品上，因此豁免会拉低它，商品清单则会推高它。未说明计算方法的数字，在表中作为一般说法列出。

# %%
HTML(tariffs.reconciliation_table())

# %% [markdown]
# ## 贸易加权平均关税 { #trade-weighted-averages }
#
# 彼得森国际经济研究所等机构公布的平均关税，按各数值所对应的日期排列。每个数值都保留其所出自的图表版本：不同版本使用的贸易权重不同，因此不把它们连成一条线。

# %%
HTML(tariffs.averages_chart())

# %% [markdown]
# ### 本站的平均关税与彼得森研究所的对比 { #our-average-against-the-peterson-institutes }
#
# 彼得森国际经济研究所（PIIE）查德·鲍恩（Chad Bown）的图表是贸易加权平均关税的参照标准。下表把我们数据中PIIE的每一个数值，与本站为同一天、同一方向计算的平均关税并列。日内瓦会谈之后，本站的美方平均关税为[41.3%](fig:us-average-geneva)，比PIIE的低[9.8个百分点](fig:us-piie-gap-geneva)；本站的中方平均关税则比PIIE的低[2.9个百分点](fig:cn-piie-gap-geneva)。美方的差距几乎全部来自权重：按2024年的进口额计算，301条款清单商品的权重低于PIIE看来所用的较早年份贸易数据（2018年后清单商品的进口有所下降），而2025年的变化则高度吻合。中国2018年的反制清单现已按商品编码计算：第三批清单的各档按各自税率计入，2019年1月1日起暂停加征的汽车及零部件不再计入，每份清单按中国2017年自美进口的本清单税目金额加权。这使本站的中方平均关税由高于PIIE变为低于PIIE。其余差距来自权重和范围：PIIE的贸易权重与本站不同，2019年针对清单4的反制清单仍按最高税率和假定金额计算，中国的排除措施和2018年后的正常关税下调也未计入。美方平均关税与PIIE相差不止两三个百分点，因此本站引用自己的平均关税时，都会附上这一说明。

# %%
HTML(products.piie_table())

# %% [markdown]
# ### 301条款产品排除 { #section-301-product-exclusions }
#
# 美国贸易代表办公室通过产品排除，使部分商品免征301条款关税。本站数据收录自2021年10月恢复排除以来有效的排除：恢复的排除和新冠相关排除、2024年保留的排除以及太阳能制造设备排除；釜山会晤后，这些排除一并延长至2026年11月9日（[product_exclusions.csv](../data/product_exclusions.csv)）。我们查阅的资料均未提及再次延期，因此数据以该日为排除的终止日；更早的排除批次（2018—2020年）未收入数据。
#
# - 针对整个10位税号的排除，会在产品查询和平均关税中免去该税号的301条款关税。2025年1月1日，这类排除使美方平均关税降低[0.1个百分点](fig:us-s301-line-exclusions-points-2025-01-01)。
# - 大多数排除是按商品描述给予的，只适用于税号下符合描述的商品，而税则号无法区分这些商品。查询工具在301条款层级下列出这些排除，平均关税则不予计入。2025年1月1日，涉及的税号占2024年自华进口的[6.3%](fig:us-s301-described-exclusions-share-2025-01-01)，在平均关税中承载[1.4个百分点](fig:us-s301-described-exclusions-points-2025-01-01)的301条款关税。这是平均关税因此可能高估的上限；由于每项描述只涵盖税号的一部分，实际影响更小。

# %% [markdown]
# ## 假如……？情景分析 { #what-if-scenarios }
#
# 下面每个情景都从数据中去掉某些法律层级，再重新计算双方在没有这些层级时的税率和平均关税。它们是假设情景，而非实际发生的情况：其他一切保持不变，因此它们显示的是某一层级增加了多少关税，而不是任何一方政府原本会采取什么替代做法。每张图中的细线是实际情况，宽而浅的线是情景；每个情景去掉的数据行列在其图表下方，也列在[tariff_scenarios.csv](../data/tariff_scenarios.csv)中。
#
# - **不计IEEPA关税**（依据《国际紧急经济权力法》加征的芬太尼关税和对等关税）：2025年5月3日是美国平均关税的峰值日，若不计这些关税，当天美国的平均关税将是[14.6%](fig:scenario-no-ieepa-us-average-2025-05-03)，而非[118.7%](fig:us-average-peak)。
# - **不计301条款关税**：对所有商品加征的关税水平不变，因为301条款只覆盖清单上的商品；但2026年7月3日美国的平均关税会从[28.1%](fig:scenario-actual-us-average-2026-07-03)降至[17.4%](fig:scenario-no-301-us-average-2026-07-03)。
# - **不计日内瓦暂停**（自2025年5月14日起双方各自暂停实施的那部分对所有商品加征的关税，连同此后的延期）：当天美方税率将是[54%](fig:scenario-no-geneva-us-headline-2025-05-14)而非[30%](fig:us-headline-geneva)，中方将是[34%](fig:scenario-no-geneva-cn-headline-2025-05-14)而非[10%](fig:cn-headline-geneva)；中方平均关税将是[53.7%](fig:scenario-no-geneva-cn-average-2025-05-14)而非[29.7%](fig:scenario-actual-cn-average-2025-05-14)。
# - **不计122条款进口附加费**：自2026年2月24日起，美国对所有中国商品加征的关税将是[0%](fig:scenario-no-122-us-headline-2026-02-24)而非[10%](fig:us-headline-section-122)，美国平均关税将是[23.7%](fig:scenario-no-122-us-average-2026-02-24)而非[28.5%](fig:scenario-actual-us-average-2026-02-24)。

# %%
HTML(tariffs.scenarios_block())

# %% [markdown]
# ## 2026年的情况 { #the-2026-picture }
#
# 2026年2月20日，美国最高法院裁定《国际紧急经济权力法》并未授权征收关税。美国海关于2月24日停止征收芬太尼关税和对等关税；在此之前，美国对所有中国商品加征的关税为[20%](fig:us-headline-before-ruling)。同日起，依据《1974年贸易法》122条款征收的临时进口附加费取而代之，税率为[10%](fig:us-headline-section-122)，为期150天，至2026年7月24日结束。301条款和232条款关税不受这一裁决影响。
#
# !!! warning "我们未能找到来源的内容"
#     双方适用同一条规则：每一层关税都在其法定终止日结束；在有来源确认某一方关税的最后日期之后，该方的曲线改为虚线，表格中相应的行也会注明该日期之后没有来源。我们找到的关于美国对所有商品加征关税的最后一个来源，日期为[2026年7月3日](fig:us-confirmed-date)，当时税率为[10%](fig:us-headline-confirmed)；122条款进口附加费已于2026年7月24日达到150天的期限，按法律文本，税率应降为[0%](fig:us-headline-now)。关于中方关税的最后一个来源，日期为[2026年5月20日](fig:cn-confirmed-date)，当时税率为[10%](fig:cn-headline-confirmed)，在其[34](fig:cn-retained-rate)个百分点中，有[24](fig:cn-suspended-points)个百分点暂停实施至2026年11月10日；按法律文本，暂停实施已于当天结束，税率应为[34%](fig:cn-headline-now)。截至最近一次核查（[2026年12月5日](fig:data-last-checked)），我们没有找到任何来源说明双方是否延期或替换了这些措施，抑或任其失效。
#
# ## 每一层关税：美国 { #every-layer-united-states }

# %%
HTML(tariffs.measures_table("US"))

# %% [markdown]
# ## 每一层关税：中国 { #every-layer-china }

# %%
HTML(tariffs.measures_table("CN"))

# %% [markdown]
# 数据见[tariff_measures.csv](../data/tariff_measures.csv)、[quoted_rates.csv](../data/quoted_rates.csv)和[average_tariffs.csv](../data/average_tariffs.csv)。税率如何相加，见[方法](../about/methodology/)。
