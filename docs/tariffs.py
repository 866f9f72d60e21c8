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
# # Tariff tracker
#
# The numbers quoted about this trade war rarely measure the same thing. This page builds them
# from the legal layers: each executive order, proclamation or tariff-commission announcement
# is one row of data with its rate, its start and its end, and the site adds them up for any day.
#
# The **headline rate** is the sum of the additional duties that applied to *all* goods from the
# other side. At the peak it reached [145%](fig:us-headline-peak) on Chinese goods and
# [125%](fig:cn-headline-peak) on US goods; after the Geneva deal it fell to
# [30%](fig:us-headline-geneva) and [10%](fig:cn-headline-geneva), and after Busan to
# [20%](fig:us-headline-busan) and [10%](fig:cn-headline-busan). Product-specific layers
# (Section 301 lists, Section 232 steel or cars, China's farm-goods lists) come on top for the
# goods they cover; they are in the full stack further down. To see the whole stack on one
# product on any day, use the [product lookup](lookup/).

# %%
from IPython.display import HTML

from truce.blocks import products, tariffs

# %%
HTML(tariffs.headline_chart(chart_id="headline-rates-2018"))

# %% [markdown]
# Drag or scroll on the chart to zoom into a period; the table under it lists every change.
#
# ## The average tariff, product by product
#
# The headline rate counts only the duties on all goods. The **trade-weighted average** counts
# every layer on every product — normal duty, Section 301 lists, Section 232, the
# across-the-board duties less their exemptions — weighted by what was imported in 2024. The
# US average on goods from China peaked at [118.7%](fig:us-average-peak) on
# [3 May 2025](fig:us-average-peak-date), of which the across-the-board duties made up
# [104.1%](fig:us-average-peak-all-goods): exemptions for electronics and goods under Section 232
# kept it well below the headline. China's peaked at [144.7%](fig:cn-average-peak) on
# [12 April 2025](fig:cn-average-peak-date), of which [125.0%](fig:cn-average-peak-all-goods) came
# from its duty on all US goods. On the last dates sources confirm each side's duties the averages
# stood at [28.1%](fig:us-average-confirmed) ([3 July 2026](fig:us-confirmed-date)) and
# [28.0%](fig:cn-average-confirmed) ([20 May 2026](fig:cn-confirmed-date)). After those dates the
# lines are dashed: they follow the legal texts, under which the US surcharge ended on 24 July 2026
# and China's suspension on 10 November 2026, which would leave [23.5%](fig:us-average-now) and
# [52.0%](fig:cn-average-now) today; no source we found says whether either was renewed or replaced.

# %%
HTML(products.average_chart())

# %% [markdown]
# ### What the average is made of
#
# The same average split by legal authority at key moments. Under the truce the across-the-board
# duties are a minority of the US average: Section 301, from the first trade war, and the
# Section 232 duties on steel, aluminium, copper, cars and parts make up most of it.

# %%
HTML(products.breakdown_chart())

# %% [markdown]
#
# ## Read the stack on any day
#
# Pick a date to see which legal layers made up each side's across-the-board rate that day.

# %%
HTML(tariffs.stack_reader())

# %% [markdown]
# ## The layers behind the headline rate

# %%
HTML(tariffs.layers_chart())

# %% [markdown]
# ## What the quoted numbers count
#
# Here are [11](fig:quoted-rates-count) numbers that were widely quoted, what each one measures,
# and what the legal layers give for the same day. A
# statutory headline counts only duties on all goods. A product stack adds the duties on one
# class of goods: "55%" in June 2025 was the stack on a good on Section 301 List 3
# ([55%](fig:us-stack-list3-june-2025)), and the White House's "up to 245%" matches the stack on
# syringes, which carried the highest Section 301 duty ([245%](fig:us-stack-syringes-april-2025)).
# A trade-weighted average spreads all layers over the goods actually traded, so exemptions pull
# it down and product lists push it up. Statements made without a method are shown as claims.

# %%
HTML(tariffs.reconciliation_table())

# %% [markdown]
# ## Trade-weighted averages
#
# Averages published by the Peterson Institute and others, by the day each value describes. Each
# value keeps the chart version it came from: versions use different trade weights, so they are
# not joined into one line.

# %%
HTML(tariffs.averages_chart())

# %% [markdown]
# ### Our average against the Peterson Institute's
#
# Chad Bown's chart at the Peterson Institute (PIIE) is the reference for trade-weighted averages.
# The table sets every PIIE value in our data beside the average computed here for the same day
# and direction. After Geneva our US average, [41.3%](fig:us-average-geneva), is
# [9.8 pp](fig:us-piie-gap-geneva) below PIIE's; our Chinese average is
# [2.9 pp](fig:cn-piie-gap-geneva) below it. The US gap is almost all weights: with 2024 imports,
# goods on the Section 301 lists weigh less than in the older trade PIIE appears to use (imports
# of listed goods fell after 2018), while the changes in 2025 match closely. China's 2018 lists
# now carry their product codes: each tier of the third list counts at its own rate, the vehicles
# and parts China stopped taxing on 1 January 2019 drop out, and each list is weighted by China's
# 2017 imports of its own lines. That moved our Chinese average from above PIIE's to below it.
# What remains of the gap is weights and scope: PIIE's trade weights are not ours,
# China's 2019 list against List 4 still counts at its top rate on an assumed value, and China's exclusions
# and cuts to its normal duties after 2018 are not modelled. The US average is not within two or
# three points of PIIE's, so the site quotes its own averages only with this caveat.

# %%
HTML(products.piie_table())

# %% [markdown]
# ### Section 301 product exclusions
#
# USTR lets some goods off the Section 301 duties by product exclusion. The data holds the
# exclusions in force from their reinstatement in October 2021: the reinstated and COVID-related
# exclusions, those kept in 2024 and those for solar manufacturing equipment, which were extended
# together until 9 November 2026 after the Busan deal
# ([product_exclusions.csv](../data/product_exclusions.csv)). No source we read reports a further
# extension, so the data ends them on that day; earlier rounds (2018–2020) are not in the data.
#
# - An exclusion that names a whole 10-digit tariff line takes the Section 301 duty off that line,
#   in the product lookup and in the average. On 1 January 2025 these exclusions took
#   [0.1 pp](fig:us-s301-line-exclusions-points-2025-01-01) off the US average.
# - Most exclusions were granted by description and cover only the goods on a line that fit the
#   words, which a tariff code cannot tell apart. The lookup lists them under the Section 301
#   layer; the average does not count them. On 1 January 2025 the lines concerned carried
#   [6.3%](fig:us-s301-described-exclusions-share-2025-01-01) of 2024 imports from China and
#   [1.4 pp](fig:us-s301-described-exclusions-points-2025-01-01) of Section 301 in the average.
#   That is the most the average can overstate because of them; the true effect is smaller,
#   since each description covers only part of its line.

# %% [markdown]
# ## What if? Scenarios
#
# Each scenario below removes some legal layers from the data and recomputes both sides' rates
# and averages without them. They are scenarios, not what happened: nothing else changes, so they
# show how much a layer added, not what either government would have done instead. The
# thin line in each chart is what happened, the wide pale line the scenario; the rows each one
# removes are listed under its chart and in
# [tariff_scenarios.csv](../data/tariff_scenarios.csv).
#
# - **Without the IEEPA duties** (the fentanyl and reciprocal duties): on 3 May 2025, the day of
#   its peak, the US average would have been [14.6%](fig:scenario-no-ieepa-us-average-2025-05-03)
#   instead of [118.7%](fig:us-average-peak).
# - **Without the Section 301 duties**: the across-the-board rate does not move, since Section 301
#   covers listed goods only, but the US average on 3 July 2026 falls from
#   [28.1%](fig:scenario-actual-us-average-2026-07-03) to
#   [17.4%](fig:scenario-no-301-us-average-2026-07-03).
# - **Without the Geneva suspension** (the part of its across-the-board duty each side suspended
#   from 14 May 2025, with the later extensions): that day the US rate would have been
#   [54%](fig:scenario-no-geneva-us-headline-2025-05-14) instead of [30%](fig:us-headline-geneva)
#   and China's [34%](fig:scenario-no-geneva-cn-headline-2025-05-14) instead of
#   [10%](fig:cn-headline-geneva); China's average would have been
#   [53.7%](fig:scenario-no-geneva-cn-average-2025-05-14) instead of
#   [29.7%](fig:scenario-actual-cn-average-2025-05-14).
# - **Without the Section 122 surcharge**: from 24 February 2026 the US rate on all Chinese goods
#   would have been [0%](fig:scenario-no-122-us-headline-2026-02-24) instead of
#   [10%](fig:us-headline-section-122), and the US average
#   [23.7%](fig:scenario-no-122-us-average-2026-02-24) instead of
#   [28.5%](fig:scenario-actual-us-average-2026-02-24).

# %%
HTML(tariffs.scenarios_block())

# %% [markdown]
# ## The 2026 picture
#
# On 20 February 2026 the Supreme Court held that the International Emergency Economic Powers
# Act does not authorise tariffs. Customs stopped collecting the fentanyl and reciprocal duties
# on 24 February; until then the US rate on all Chinese goods stood at
# [20%](fig:us-headline-before-ruling). A temporary surcharge under Section 122 of the Trade Act
# of 1974 took their place from the same day at [10%](fig:us-headline-section-122) for 150 days,
# ending on 24 July 2026. The Section 301 and Section 232 duties were not affected by the ruling.
#
# !!! warning "What we could not source"
#     One rule holds for both sides: every layer ends at its legal end date, and after the last
#     date a source confirms a side's duties, its lines are dashed and its table rows say "no
#     source after" that date. The last source we found on the US across-the-board duty, of
#     [3 July 2026](fig:us-confirmed-date), has it at [10%](fig:us-headline-confirmed); the
#     Section 122 surcharge reached its 150-day limit on 24 July 2026, which on the legal texts
#     leaves [0%](fig:us-headline-now). The last source on China's, of
#     [20 May 2026](fig:cn-confirmed-date), has it at [10%](fig:cn-headline-confirmed), with
#     [24](fig:cn-suspended-points) of its [34](fig:cn-retained-rate) points suspended until
#     10 November 2026; on the legal texts the suspension ended that day, which leaves
#     [34%](fig:cn-headline-now). We have found no source, as of the last check on
#     [5 December 2026](fig:data-last-checked), on whether either side renewed, replaced or
#     let these measures lapse.
#
# ## Every layer, United States

# %%
HTML(tariffs.measures_table("US"))

# %% [markdown]
# ## Every layer, China

# %%
HTML(tariffs.measures_table("CN"))

# %% [markdown]
# The data is in [tariff_measures.csv](../data/tariff_measures.csv),
# [quoted_rates.csv](../data/quoted_rates.csv) and
# [average_tariffs.csv](../data/average_tariffs.csv). How the rates are added up is explained
# under [Methodology](../about/methodology/).
