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
#     data: [tariff_measures, tariff_lists, list_products, product_exclusions, products, trade_weights, mfn_rates, sources]
# ---

# %% [markdown]
# # Product lookup
#
# Which duties does one product carry, and since when? Type a tariff code or a few words, pick a
# day and a direction: the lookup lists every legal layer that touched the product that day —
# the normal duty, Section 301 and 232 lists, the across-the-board duties and the exemptions
# that removed them — each with its instrument, sources and its place in the
# [chronology](../../chronology/), and draws the product's additional duty since 2018.

# %%
from IPython.display import HTML

from truce.blocks import products

# %%
HTML(products.lookup_block())

# %% [markdown]
# ## How the stack is computed
#
# The lookup runs in your browser on data the site publishes with each build, and applies the
# same rules as the site's Python package (`truce.additional_duty(code, date, side)`), which the
# site's tests compare case by case:
#
# - a layer counts from the day it took effect until the day it ended; a suspension takes its
#   points off the layer it suspends;
# - a duty on listed goods applies when its list holds the code or a shorter code above it;
# - a duty on all goods applies except to goods on an exemption annex in force that day, and to
#   goods the instrument itself leaves out (the reciprocal duties and the Section 122 surcharge
#   did not apply on top of Section 232);
# - the 2024 Section 301 review rates replace the list rates for the goods they cover;
# - a Section 301 product exclusion in force that names the whole 10-digit line takes the Section
#   301 duty off it; an exclusion granted by description is listed under the layer, with its
#   wording, U.S. note and Chapter 99 heading, but not counted, since only the goods that fit the
#   words are excluded;
# - China's exclusion lists from its Section 301 countermeasures are shown the same way: an item
#   that names a whole HS-8 line takes those duties off it while the list is in force (the 16 items
#   of Customs Tariff Commission Announcement 2019 No. 6, to 16 Sep 2021), with the announcement,
#   annex and item; an item within a line is listed under the layer, not counted. China's later
#   exclusion lists (Dec 2019, Feb and May 2020) are in the data without codes.
#
# Limits: Section 301 exclusions granted by description are shown but not counted, and exclusion
# rounds before October 2021 are not in the data; duties on metal or copper content are
# counted on the full value; the US normal duty is an effective rate per chapter estimated from
# 2024 customs duties; China's 2018–2019 retaliation lists were not retrieved code by code, so
# they show as *may apply* and are not counted. The data files and their sources are described
# in [Downloads](../../data/); the rules in full are in the
# [tariff tracker](../)'s reconciliation and the [methodology](../../about/methodology/).
