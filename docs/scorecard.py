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
# # Truce scorecard
#
# What each side promised at Geneva (May 2025), London (June 2025), Kuala Lumpur and Busan
# (October 2025) and the Beijing summit (May 2026), and what was observed afterwards. Each
# commitment is summarised from the published texts and statements; each outcome gives its date
# and its sources. Where Washington and Beijing described the same step differently, or where the
# data on delivery disagree, the entry says so.
#
# Of the [29](fig:scorecard-commitments) commitments tracked, [15](fig:scorecard-met) were met,
# [1](fig:scorecard-met-on-bookings) was declared met on bookings, with deliveries not confirmed (the
# [12 million tonnes](fig:soy-pledge-initial) of soybeans for the 2025 season),
# [5](fig:scorecard-partly-met) were partly met and [0](fig:scorecard-missed) are recorded as
# missed. [6](fig:scorecard-pending) are pending, [1](fig:scorecard-superseded) was overtaken by
# the [Supreme Court's ruling](event:court-scotus-learning-resources-2026-02-20) on emergency
# tariffs, and [1](fig:scorecard-unverified) is unverified: its due date has passed and no source
# retrieved says what happened. "Met" records that the promised step was taken; it is not a
# judgement by either government that the other complied.
#
# The deadlines on this page are also published as a calendar file,
# [deadlines.ics](../deadlines.ics), and as a [JSON feed](../deadlines.json). The next one in the
# data falls on [31 December 2026](fig:deadlines-next).

# %%
from IPython.display import HTML

from truce.blocks import scorecard

# %%
HTML(scorecard.summary_html() + scorecard.legend_html())

# %% [markdown]
# ## Geneva, May 2025
#
# The [Geneva joint statement](event:geneva-joint-statement-2025-05-12) cut both sides'
# across-the-board tariffs for 90 days and set up a standing channel for talks.

# %%
HTML(scorecard.round_html("geneva-2025"))

# %% [markdown]
# ## London, June 2025
#
# The [London framework](event:london-talks-framework-2025-06-10) was meant to put Geneva into
# effect after disputes over China's rare-earth licences and over new US export restrictions on
# chip-design software, ethane and jet engines.

# %%
HTML(scorecard.round_html("london-2025"))

# %% [markdown]
# ## Kuala Lumpur and Busan, October 2025
#
# The package agreed in Kuala Lumpur and confirmed when the leaders
# [met in Busan](event:busan-trump-xi-meeting-2025-10-30) is the largest set of commitments. Most
# were one-year pauses, due to end in November 2026.

# %%
HTML(scorecard.round_html("busan-2025"))

# %% [markdown]
# ## Beijing, May 2026
#
# The [Beijing summit](event:both-beijing-summit-2026-05-13) produced a pledge to buy Boeing
# aircraft, which China's commerce ministry confirmed, and a Chinese undertaking to seek an
# extension of the truce.

# %%
HTML(scorecard.round_html("beijing-2026"))

# %% [markdown]
# ## Soybeans: two counts of delivery
#
# The soybean pledge is the commitment whose delivery is hardest to read, because the two sides'
# data count different things. The US-side figures count purchases: sales reported to the
# Department of Agriculture, trade estimates and officials' statements. China's customs count
# arrivals, which come weeks after a purchase; they showed no soybeans from the US through
# December 2025.[@tradingkey-reuters-soybeans-2025] Both are shown as recorded. Progress towards
# the 2026 pledge could not be sourced as of the date the data was last checked.

# %%
HTML(scorecard.soybean_delivery_html())

# %% [markdown]
# ## Deadlines
#
# [2](fig:deadlines-upcoming) deadlines in the data are still ahead. The list is built from the
# commitments' due dates, the end dates of suspensions and tariff layers, scheduled ends recorded
# in the chronology, and the leaders' meetings. Many of the Busan pauses were due to end on
# 10 November 2026; whether they were extended, allowed to lapse or replaced could not be
# sourced, and the chronology's entries say so. Subscribe with the [calendar file](../deadlines.ics) or read
# the [JSON feed](../deadlines.json).

# %%
HTML(scorecard.deadlines_html())

# %% [markdown]
# Download the data: [commitments.csv](../data/commitments.csv) and its sources,
# [sources.csv](../data/sources.csv).
