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
#     data: [china_exports_yoy, chip_actions, damage_estimates, rare_earth_magnets, rare_earth_shares, soybeans, trade_monthly]
# ---

# %% [markdown]
# # 贸易、大豆与稀土
#
# 这里是故事背后的数字，每个序列一个数据文件：美国对华贸易、中国对美出口、大豆、稀土磁材、芯片管制，以及预测机构对这场冲突代价的估计。每一行数据都注明来源。每张图表都说明所用的数据，并以表格和CSV文件的形式提供同样的数据。
#
# 全页遵循两条规则。第一，图表从不拼接不同日期发布的数据：统计机构修订过数据的，只画其中一次发布，并注明是哪一次。第二，图表从不混用单位：吨和美元、日历年和市场年度，各自分开作图。

# %%
from IPython.display import HTML

from truce.blocks import series

# %% [markdown]
# ## 美国对华货物贸易 { #us-goods-trade-with-china }
#
# 按本图所用的美国人口普查局数据，2025年美国自华货物进口为[3084亿美元](fig:trade-us-imports-cn-2025)，低于2024年的[4387亿美元](fig:trade-us-imports-cn-2024)，降幅为[30%](fig:trade-us-imports-cn-fall-2025)。美国对华出口为[1063亿美元](fig:trade-us-exports-cn-2025)，货物贸易逆差为[2021亿美元](fig:trade-us-deficit-cn-2025)。[@github-weiqi-census-c5700-2026-03-23]人口普查局于2026年6月修订了这些月份的数据。修订后的版本保存在数据文件中，但没有混入图表，因为它没有列出2024年的每一个月。

# %%
HTML(series.trade_block())

# %% [markdown]
# ## 中国对美出口 { #chinas-exports-to-the-us }
#
# 中国海关的数据从另一侧显示了同样的萎缩。2025年5月是4月关税上调后的第一个完整月份，当月中国对美出口同比下降[34.5%](fig:cn-exports-us-may-2025-fall)，[@newindianexpress-ap-china-exports-may-2025]并在连续[10](fig:cn-exports-us-falls-run)期月度数据中均为下降。全年对美出口下降[20%](fig:cn-exports-us-2025-fall)。[@sputnik-china-us-trade-2025]各月数值是通讯社报道的中国海关数据；各家报道不一致时，该行的备注会说明采用哪个数值及其理由。

# %%
HTML(series.china_yoy_block())

# %% [markdown]
# ## 大豆 { #soybeans }
#
# 2025年，中国海关有[4](fig:soy-zero-months-2025)个月没有记录任何自美大豆进口。第一个这样的月份是[2025年9月](fig:soy-first-zero-month-2025)，也是自2018年11月以来首次出现零进口。[@cna-china-soy-imports-zero-2025-10-21]一年前，仅2024年12月一个月的到港量就有[426万吨](fig:soy-arrivals-dec-2024)。2025年全年中国自美进口大豆[1682万吨](fig:soy-china-imports-us-2025)；年初到港的是2024年底采购的货物。[@tradingkey-reuters-soybeans-2025; @newszop-reuters-soybeans-march-2025]

# %%
HTML(series.soybean_arrivals_block())

# %% [markdown]
# 两国元首在[釜山会晤](event:busan-trump-xi-meeting-2025-10-30)后，美国官员表示，中国将在首个销售季采购[1200万吨](fig:soy-pledge-initial)大豆，并在2026、2027和2028年每年采购[2500万吨](fig:soy-pledge-annual)；[@eenews-bessent-soybeans-2025-10-30]北京没有公布具体数量。对进度的统计各不相同。美国农业部的销售数据显示，截至2026年1月8日，中方至少已采购[800万吨](fig:soy-usda-purchases-jan-8)；美国财政部长斯科特·贝森特则在1月20日表示采购已经完成。[@newsnet-china-soybean-goal-2026-01][履约记分卡](../scorecard/#soybeans-two-counts-of-delivery)把美方的统计与中国海关数据并列比较。
#
# 大豆数据文件还收有按日历年和按美国市场年度（9月至次年8月）计算的年度总额，既有美元金额，也有吨数；它们列在[soybeans.csv](../data/soybeans.csv)中，不放在同一坐标轴上作图。

# %%
HTML(series.soybean_tracker_block())

# %% [markdown]
# ## 稀土磁材 { #rare-earth-magnets }
#
# 中国在[2025年4月](event:cn-rare-earth-export-controls-2025-04-04)将七种中重稀土及含有这些元素的磁体纳入出口许可管理后，其稀土磁材出口在[2025年5月](fig:magnets-world-low-month)降至[1238吨](fig:magnets-world-low)，对美出口降至[46.4吨](fig:magnets-us-low)。[@automotiveworld-wsj-magnets-may-2025; @groundnews-magnets-us-may-2025][伦敦框架](event:london-talks-framework-2025-06-10)达成后，出货量有所恢复。2025年全年中国出口稀土磁材[57,392吨](fig:magnets-world-2025)，其中[5933吨](fig:magnets-us-2025)运往美国。[@goldsea-reuters-magnets-december-2025]图表采用对数刻度，以便两条线都能看清；没有公布数据的月份直接略去，不作填补。

# %%
HTML(series.magnets_block())

# %% [markdown]
# ## 中国在稀土供应中的份额 { #chinas-share-of-rare-earth-supply }
#
# 据国际能源署（IEA）估计，2023年中国占全球稀土开采量的[62%](fig:re-share-mining-2023)、冶炼分离产量的[92%](fig:re-share-refining-2023)，并预计到2030年冶炼分离份额为[77%](fig:re-share-refining-2030)。[@seaisi-iea-gcmo-2024]2025年10月，该机构给出的中国在永磁体制造中的份额为[94%](fig:re-share-magnets)。[@rareearthexchanges-iea-commentary-2025-10]不同发布机构、不同参考年份的估计各有出入，因此图表把每一项估计都列了出来。

# %%
HTML(series.shares_block())

# %% [markdown]
# ## 人工智能芯片：管制带来的数字 { #ai-chips-the-numbers-that-came-with-the-controls }
#
# [2025年4月](event:us-nvidia-h20-licence-requirement-2025-04-15)，美国要求英伟达的H20芯片出口须获许可，英伟达随即表示预计将为此计入[55亿美元](fig:chip-h20-charge)的费用。[@hitechexpert-nvidia-h20-2025-04]公司最终计提了[45亿美元](fig:chip-h20-writedown)，并预计下一季度将损失约[80亿美元](fig:chip-h20-q2-loss)的H20销售额。[@ai360-nvidia-q1-fy2026-2025-05-28]英伟达首席执行官黄仁勋说，公司在中国人工智能芯片市场的份额已从[95%](fig:chip-nvidia-share-start)降至2025年5月的[50%](fig:chip-nvidia-share-may-2025)。[@livemint-reuters-huang-computex-2025-05-21]到10月，他说这一份额已降至[0%](fig:chip-nvidia-share-oct-2025)。[@clashreport-huang-95-to-0-2025-10-20]这些是公司的说法，并非市场调查结果。
#
# 2025年8月，H20的出口许可恢复发放，条件是在华销售额的[15%](fig:chip-revenue-share)须上缴美国政府。[@daijiworld-reuters-nvidia-amd-15pct-2025-08-11]12月，特朗普表示，性能更强的H200可以卖给经批准的中国客户，其中[25%](fig:chip-h200-payment)归美国。[@mediaite-trump-h200-25pct-2025-12-08]2026年1月，美国商务部将这类许可改为逐案审查，对华出货量上限为对美国客户出货量的[50%](fig:chip-china-volume-cap)。[@govinfo-fr-bis-h200-license-review-2026-01-15; @strtrade-bis-eases-chip-rules-2026-01]同时，美国对进口的一小类先进芯片加征[25%](fig:chip-s232-tariff)的232条款关税。[@thompsonhine-proclamation-11002-2026-01]中国方面，据报道海关曾[暂缓H200入境](event:cn-customs-halts-h200-entry-2026-01-14)，同月晚些时候又有报道称首批采购[已获批准](event:cn-approves-h200-purchases-2026-01-28)。

# %%
HTML(series.chip_blocks())

# %% [markdown]
# ## 预测机构对冲突代价的估计 { #what-forecasters-expected-the-conflict-to-cost }
#
# 2025年4月，世界贸易组织（世贸组织）预测2025年全球货物贸易将萎缩[0.2%](fig:wto-trade-2025-april-fall)。对于中美之间的货物贸易，世贸组织总干事4月9日先是警告可能下降多达[80%](fig:story-wto-trade-projection)，4月16日发布的展望报告则估计为下降[81%](fig:wto-us-cn-trade-fall)。[@thestar-xinhua-wto-outlook-2025-04-17; @punchng-okonjo-iweala-80pct-2025-04-10; @eirnews-okonjo-iweala-81pct-2025-04-16]不过，抢在加征关税前的提前进口和人工智能相关商品的贸易起到了相反的作用：10月，世贸组织预测2025年全球货物贸易增长[2.4%](fig:wto-trade-2025-october)，2026年增长[0.5%](fig:wto-trade-2026-october)。[@tass-wto-outlook-2025-10-07]

# %%
HTML(series.wto_block())

# %% [markdown]
# 国际货币基金组织（IMF）对2025年全球增长的预测，从1月的[3.3%](fig:imf-world-2025-january)下调至4月的[2.8%](fig:imf-world-2025-april)，其中美国为[1.8%](fig:imf-us-2025-april)，中国为[4.0%](fig:imf-cn-2025-april)。[@wionews-imf-weo-2025-04-22; @ceolk-imf-weo-2025-04-22]10月，该组织又将这一预测上调至[3.2%](fig:imf-world-2025-october)。[@actionforex-imf-weo-2025-10-14]

# %%
HTML(series.imf_block())

# %% [markdown]
# 耶鲁大学预算实验室（Budget Lab）估算的美国全部进口商品平均有效关税税率，在2025年4月达到[28%](fig:yale-etr-peak)的峰值。[@latimesnow-cnbc-yale-etr-2025-05]2026年2月[美国最高法院裁定](event:court-scotus-learning-resources-2026-02-20)《国际紧急经济权力法》（IEEPA）不授权征收关税之后，这一税率为[9.1%](fig:yale-etr-scotus)。[@budgetlab-state-of-tariffs-scotus-2026-02]2025年美国关税收入为[2640亿美元](fig:customs-duties-2025)，2024年为[789亿美元](fig:customs-duties-2024)，单月最高为[2025年10月](fig:customs-duties-peak-month)的[314亿美元](fig:customs-duties-peak)。[@github-yale-tariff-revenue-2026-03-18]这两个序列都涵盖来自所有国家的进口，而不只是中国。

# %%
HTML(series.tariff_rate_block())

# %%
HTML(series.customs_block())

# %% [markdown]
# ## 数据 { #the-data }
#
# [trade_monthly.csv](../data/trade_monthly.csv) · [china_exports_yoy.csv](../data/china_exports_yoy.csv) · [soybeans.csv](../data/soybeans.csv) · [rare_earth_magnets.csv](../data/rare_earth_magnets.csv) · [rare_earth_shares.csv](../data/rare_earth_shares.csv) · [chip_actions.csv](../data/chip_actions.csv) · [damage_estimates.csv](../data/damage_estimates.csv)，各文件的来源见[sources.csv](../data/sources.csv)。许多数据行依据的是新闻机构对官方发布的报道，而非官方发布本身；每个来源的条目都注明它转述的是谁的数据。预测按发布日期保存，因此较晚的预测不会覆盖较早的预测。
