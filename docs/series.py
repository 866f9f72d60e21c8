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
# # Trade, soybeans, rare earths
#
# The numbers behind the story, one data file per series: US trade with China, China's exports
# to the US, soybeans, rare-earth magnets, the chip controls and what forecasters expected the
# conflict to cost. Every row names its sources. Each chart says which data it draws, and
# offers the same data as a table and as a CSV file.
#
# Two rules apply throughout. A chart never splices releases of different dates: where a
# statistical office revised its figures, one release is drawn and named. And a chart never
# mixes units: tonnes and dollars, or calendar and marketing years, stay on separate charts.

# %%
from IPython.display import HTML

from truce.blocks import series

# %% [markdown]
# ## US goods trade with China
#
# In the Census release drawn here, US goods imports from China came to
# [$308.4 billion](fig:trade-us-imports-cn-2025) in 2025, down from
# [$438.7 billion](fig:trade-us-imports-cn-2024) in 2024, a fall of
# [30%](fig:trade-us-imports-cn-fall-2025). US exports to China were
# [$106.3 billion](fig:trade-us-exports-cn-2025), leaving a goods deficit of
# [$202.1 billion](fig:trade-us-deficit-cn-2025).[@github-weiqi-census-c5700-2026-03-23] The
# Census Bureau revised these months in June 2026; the revised release is kept in the data file
# but not mixed into the chart, because it does not list every month of 2024.

# %%
HTML(series.trade_block())

# %% [markdown]
# ## China's exports to the US
#
# China's customs figures show the same contraction from the other side. Exports to the US fell
# [34.5%](fig:cn-exports-us-may-2025-fall) year on year in May 2025, the first full month after the
# April tariff increases,[@newindianexpress-ap-china-exports-may-2025] and fell in
# [10](fig:cn-exports-us-falls-run) consecutive monthly releases. Over the year they were down
# [20%](fig:cn-exports-us-2025-fall).[@sputnik-china-us-trade-2025] The monthly values are China's
# customs data as reported by news agencies; where reports differ, the row's note says which
# value is used and why.

# %%
HTML(series.china_yoy_block())

# %% [markdown]
# ## Soybeans
#
# China's customs recorded no soybean imports from the US in
# [4](fig:soy-zero-months-2025) months of 2025, starting in
# [September 2025](fig:soy-first-zero-month-2025), the first such month since November
# 2018.[@cna-china-soy-imports-zero-2025-10-21] A year earlier, December alone had brought
# [4.26 million tonnes](fig:soy-arrivals-dec-2024). Imports from the US over 2025 came to
# [16.82 million tonnes](fig:soy-china-imports-us-2025); arrivals early in the year were cargoes
# bought in late 2024.[@tradingkey-reuters-soybeans-2025; @newszop-reuters-soybeans-march-2025]

# %%
HTML(series.soybean_arrivals_block())

# %% [markdown]
# After the leaders met in [Busan](event:busan-trump-xi-meeting-2025-10-30), US officials said
# China would buy [12 million tonnes](fig:soy-pledge-initial) in the first season and
# [25 million tonnes](fig:soy-pledge-annual) a year in 2026, 2027 and
# 2028;[@eenews-bessent-soybeans-2025-10-30] Beijing did not publish the quantities. Counts of
# progress differed. USDA sales data showed at least
# [8 million tonnes](fig:soy-usda-purchases-jan-8) bought by 8 January 2026, and Treasury
# Secretary Scott Bessent said on 20 January that the purchases were
# complete.[@newsnet-china-soybean-goal-2026-01] The [scorecard](../scorecard/#soybeans-two-counts-of-delivery)
# sets the US-side count beside China's customs data.
#
# The soybean file also holds yearly totals in dollars and in tonnes, by calendar year and by
# US marketing year (September to August); they are listed in
# [soybeans.csv](../data/soybeans.csv) and not drawn on a shared axis.

# %%
HTML(series.soybean_tracker_block())

# %% [markdown]
# ## Rare-earth magnets
#
# After China added seven medium and heavy rare earths, and magnets containing them, to its
# export licensing in [April 2025](event:cn-rare-earth-export-controls-2025-04-04), its magnet
# exports fell to [1,238 tonnes](fig:magnets-world-low) in [May 2025](fig:magnets-world-low-month),
# and shipments to the US to [46.4 tonnes](fig:magnets-us-low).[@automotiveworld-wsj-magnets-may-2025; @groundnews-magnets-us-may-2025]
# Shipments recovered after the [London framework](event:london-talks-framework-2025-06-10). Over
# 2025 China exported [57,392 tonnes](fig:magnets-world-2025) of magnets, of which
# [5,933 tonnes](fig:magnets-us-2025) went to the US.[@goldsea-reuters-magnets-december-2025]
# The chart uses a log scale so that both lines can be read; months without a reported figure
# are left out rather than filled in.

# %%
HTML(series.magnets_block())

# %% [markdown]
# ## China's share of rare-earth supply
#
# The International Energy Agency put China's share of mined rare earths at
# [62%](fig:re-share-mining-2023) and of refined output at [92%](fig:re-share-refining-2023) in
# 2023, and projected the refining share at [77%](fig:re-share-refining-2030) in
# 2030.[@seaisi-iea-gcmo-2024] For permanent-magnet making it gave
# [94%](fig:re-share-magnets) in October 2025.[@rareearthexchanges-iea-commentary-2025-10]
# Estimates differ by publisher and reference year, so the chart shows each one.

# %%
HTML(series.shares_block())

# %% [markdown]
# ## AI chips: the numbers that came with the controls
#
# When Washington required a licence for Nvidia's H20 chip in
# [April 2025](event:us-nvidia-h20-licence-requirement-2025-04-15), Nvidia said it expected a
# charge of [$5.5 billion](fig:chip-h20-charge).[@hitechexpert-nvidia-h20-2025-04] It booked
# [$4.5 billion](fig:chip-h20-writedown) and expected to lose about
# [$8 billion](fig:chip-h20-q2-loss) of H20 sales in the following
# quarter.[@ai360-nvidia-q1-fy2026-2025-05-28] Its chief executive, Jensen Huang, said Nvidia's
# share of China's AI-chip market had gone from [95%](fig:chip-nvidia-share-start) to
# [50%](fig:chip-nvidia-share-may-2025) by May 2025[@livemint-reuters-huang-computex-2025-05-21]
# and to [0%](fig:chip-nvidia-share-oct-2025) by October;[@clashreport-huang-95-to-0-2025-10-20]
# these are the company's statements, not market surveys.
#
# Licences for the H20 came back in August 2025 with
# [15%](fig:chip-revenue-share) of China sales to be paid to the US
# government.[@daijiworld-reuters-nvidia-amd-15pct-2025-08-11] In December Trump said the more
# powerful H200 could be sold to approved Chinese customers with
# [25%](fig:chip-h200-payment) going to the United States.[@mediaite-trump-h200-25pct-2025-12-08]
# In January 2026 the Commerce Department moved such licences to case-by-case review, with
# shipments to China capped at [50%](fig:chip-china-volume-cap) of those to US
# customers,[@govinfo-fr-bis-h200-license-review-2026-01-15; @strtrade-bis-eases-chip-rules-2026-01]
# and a [25%](fig:chip-s232-tariff) Section 232 duty applied to a narrow set of advanced chips
# imported into the US.[@thompsonhine-proclamation-11002-2026-01] On China's side, customs reportedly
# [held back H200 imports](event:cn-customs-halts-h200-entry-2026-01-14) before first purchases
# were [reported as approved](event:cn-approves-h200-purchases-2026-01-28) later that month.

# %%
HTML(series.chip_blocks())

# %% [markdown]
# ## What forecasters expected the conflict to cost
#
# In April 2025 the World Trade Organization forecast that world merchandise trade would shrink by
# [0.2%](fig:wto-trade-2025-april-fall) in 2025. For goods trade between the US and China its
# Director-General first warned on 9 April of a fall of as much as
# [80%](fig:story-wto-trade-projection); the outlook of 16 April put the estimate at
# [81%](fig:wto-us-cn-trade-fall).[@thestar-xinhua-wto-outlook-2025-04-17; @punchng-okonjo-iweala-80pct-2025-04-10; @eirnews-okonjo-iweala-81pct-2025-04-16] Imports brought
# forward ahead of tariffs and trade in AI-related goods pushed the other way: in October the WTO
# forecast growth of [2.4%](fig:wto-trade-2025-october) for 2025 and
# [0.5%](fig:wto-trade-2026-october) for 2026.[@tass-wto-outlook-2025-10-07]

# %%
HTML(series.wto_block())

# %% [markdown]
# The International Monetary Fund cut its forecast for world growth in 2025 from
# [3.3%](fig:imf-world-2025-january) in January to [2.8%](fig:imf-world-2025-april) in April,
# with the US at [1.8%](fig:imf-us-2025-april) and China at
# [4.0%](fig:imf-cn-2025-april),[@wionews-imf-weo-2025-04-22; @ceolk-imf-weo-2025-04-22] then
# raised it to [3.2%](fig:imf-world-2025-october) in October.[@actionforex-imf-weo-2025-10-14]

# %%
HTML(series.imf_block())

# %% [markdown]
# The Yale Budget Lab's estimate of the average effective US tariff rate on all imports peaked at
# [28%](fig:yale-etr-peak) in April 2025[@latimesnow-cnbc-yale-etr-2025-05] and stood at
# [9.1%](fig:yale-etr-scotus) after the
# [Supreme Court ruled](event:court-scotus-learning-resources-2026-02-20) in February 2026 that
# the emergency-powers law does not authorise tariffs.[@budgetlab-state-of-tariffs-scotus-2026-02]
# US customs duties came to [$264.0 billion](fig:customs-duties-2025) in 2025, against
# [$78.9 billion](fig:customs-duties-2024) in 2024, with a monthly high of
# [$31.4 billion](fig:customs-duties-peak) in
# [October 2025](fig:customs-duties-peak-month).[@github-yale-tariff-revenue-2026-03-18] Both
# series cover imports from all countries, not China alone.

# %%
HTML(series.tariff_rate_block())

# %%
HTML(series.customs_block())

# %% [markdown]
# ## The data
#
# [trade_monthly.csv](../data/trade_monthly.csv) ·
# [china_exports_yoy.csv](../data/china_exports_yoy.csv) ·
# [soybeans.csv](../data/soybeans.csv) ·
# [rare_earth_magnets.csv](../data/rare_earth_magnets.csv) ·
# [rare_earth_shares.csv](../data/rare_earth_shares.csv) ·
# [chip_actions.csv](../data/chip_actions.csv) ·
# [damage_estimates.csv](../data/damage_estimates.csv), with their sources in
# [sources.csv](../data/sources.csv). Many rows rest on news reports of official releases rather
# than the releases themselves; each source's entry says whose data it reports. Forecasts are
# kept by the date they were published, so a later forecast never overwrites an earlier one.
