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
#     data: [events, months_checked]
# ---

# %% [markdown]
# # Chronology
#
# Every dated move by Washington and Beijing in the trade and technology war, from the first
# Section 301 tariffs of 2018 to the truce deadlines of November 2026. Each entry has its own
# anchor, its legal instrument where there is one, and links to the pages it rests on. Primary
# documents (government notices, court opinions, joint statements) are preferred; where reports
# disagree, the entry says so.
#
# Each move is listed on the day it was announced and shows the day it took effect (a move
# scheduled more than a month ahead is listed on the day it took effect). Deadlines fixed in
# advance, such as the end of a suspension, are marked and are not counted as moves. Show the key
# dates, moves or deadlines only, filter by lever, actor or direction, or search the text; the
# address bar keeps your filter, so a view can be shared.

# %%
from IPython.display import HTML
from truce.blocks import chronology

# %%
HTML(chronology.overview_chart())

# %% [markdown]
# ## Key dates

# %%
HTML(chronology.key_dates_html())

# %% [markdown]
# ## All entries, newest first

# %%
HTML(chronology.page())

# %% [markdown]
# Download the data: [events.csv](../data/events.csv) and its sources, [sources.csv](../data/sources.csv).
# How entries are chosen and dated is explained under [Methodology](../about/methodology/).
