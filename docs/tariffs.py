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
#     data: [average_tariffs, quoted_rates, tariff_measures]
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
# goods they cover; they are in the full stack further down.

# %%
from IPython.display import HTML

from truce.blocks import tariffs

# %%
HTML(tariffs.headline_chart(chart_id="headline-rates-2018"))

# %% [markdown]
# Drag or scroll on the chart to zoom into a period; the table under it lists every change.
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
#     We found no source, as of 29 November 2026, for an across-the-board US duty on Chinese goods
#     after the Section 122 surcharge expired, so the tracker shows
#     [0%](fig:us-headline-now) from 24 July 2026. China's one-year suspension of [24](fig:cn-suspended-points) of its
#     [34](fig:cn-retained-rate) points was due to end on 10 November 2026; we have no source on whether it was renewed,
#     and the tracker keeps the last sourced rate of [10%](fig:cn-headline-now).
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
