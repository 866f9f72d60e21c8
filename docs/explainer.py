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
#     data: [events, leverage, tariff_measures, trade_monthly]
# ---

# %% [markdown]
# # Mutually assured economic destruction, modelled and playable
#
# In 2025 Washington and Beijing reached for almost every lever they held over each other:
# tariffs, export controls on chips and design software, licences for rare earths, purchases of
# soybeans and aircraft, port fees and blacklists. Each lever hurt its target, and each cost the
# side that pulled it. An essay in China-US Focus, the starting point of this site, argues that
# the two sides found themselves more evenly matched than expected, and that the truce rests on
# "economic deterrence rather than dominance".[@chinausfocus-edgy-truce-tricky-detente]
#
# This page turns that argument into something you can test: a leverage matrix built from
# sourced data, a small two-player game calibrated on 2024 trade, and charts that run in your
# browser. The model is deliberately simple. Every parameter is listed at the end with its
# source, or marked as an assumption of this site; the charts let you change the assumptions
# that matter most.

# %%
from IPython.display import HTML

from truce.blocks import explainer

# %% [markdown]
# ## Who holds which lever
#
# The matrix lists [15](fig:model-levers-count) levers: [7](fig:model-levers-us) held by the
# United States and [8](fig:model-levers-cn) by China. For each one it records what the target
# depends on and how much, what alternatives exist, how long replacing the supply would take,
# and when the lever was pulled and eased, with links to the chronology.
#
# The dependence runs both ways and is steep at the chokepoints. Before the US controls, Nvidia
# said it held [95%](fig:lev-ai-chips-share) of China's market for advanced AI chips; Synopsys,
# Cadence and Siemens EDA, all bound by US export rules, held [80%](fig:lev-eda-share) of China's
# chip-design software market; US firms alone made [42%](fig:lev-chip-tools-share) of the world's
# chipmaking equipment. China,
# for its part, makes [94%](fig:lev-rare-earth-magnets-share) of the world's rare-earth magnets,
# produces [98%](fig:lev-gallium-share) of its primary gallium, and bought
# [51%](fig:lev-soybeans-share) of US soybean exports by value in 2024. The years needed to
# replace a supply are mostly this site's estimates and are marked as assumptions; several levers
# (blacklists, port fees) have no sourced share and are listed without one.

# %%
HTML(explainer.leverage_table())

# %% [markdown]
# ## The model in four steps
#
# ### 1. A tariff shrinks trade, and its user pays too
#
# In 2024 the United States imported [$439 billion](fig:trade-us-imports-cn-2024?decimals=0) of goods from China
# and exported [$143 billion](fig:model-exports-2024) to it (Census data, one release vintage).
# The model lets trade fall with a tariff at a constant elasticity σ: trade left equals 2024 trade
# times (1 + tariff) to the power −σ. For σ it uses the estimate Amiti, Redding and Weinstein
# obtained from the 2018 tariffs; counting the products whose trade stopped altogether, the same
# authors found a much larger elasticity (both values are in the parameter
# table).[@flipbuilder-amiti-redding-weinstein-2019-p12]
# Both that study and Fajgelbaum and co-authors found that the 2018 tariffs were passed on in full
# to buyers in the importing country.[@nber-fajgelbaum-return-to-protectionism-w25638] So the side
# that imposes a tariff pays for it: the model charges it the deadweight loss, what its buyers lose
# net of the tariff revenue that stays at home. The exporting side loses its sales.
#
# At the US peak of [145%](fig:us-headline-peak) the model leaves about
# [31%](fig:model-trade-left-us-peak) of US imports from China; at China's peak of
# [125%](fig:cn-headline-peak), [35%](fig:model-trade-left-cn-peak) of US exports. With the
# larger elasticity only [0.5%](fig:model-trade-left-us-peak-zeros) would be left. A check
# against 2025: fed the across-the-board tariff day by day, the model predicts US imports from
# China at [73%](fig:model-2025-imports-predicted) of their 2024 level, and the Census data show
# [70%](fig:model-2025-imports-actual). For US exports to China it predicts
# [87%](fig:model-2025-exports-predicted) against an actual [74%](fig:model-2025-exports-actual):
# Beijing's targeted measures, such as halting soybean purchases, cut more than its
# across-the-board tariff alone would.

# %%
HTML(explainer.trade_chart())

# %%
HTML(explainer.losses_chart())

# %% [markdown]
# ### 2. Chokepoints work through supply, not price
#
# The other levers cut off something the target cannot easily buy elsewhere. The model gives
# each one a strength between zero and one: the target's dependence share times the part of a
# five-year horizon it would need to replace the supply. Levers without a sourced share get no
# strength, which leaves [9](fig:model-levers-valued) chokepoints in the model. One unit of strength is valued at [$3.5 billion](fig:model-lambda) of harm a year:
# the US Geological Survey estimated that a complete Chinese ban on gallium and germanium exports
# would cut US output by about that much, and that lever's strength is close to
# one.[@usgs-ofr-2024-1057-gallium-germanium] Valuing every chokepoint the same way is an
# assumption, and probably a low one for levers such as rare-earth magnets, which sit inside
# motors and sensors across whole industries; the chart in step 4 lets you value chokepoints up
# to fifty times higher. The user of a chokepoint loses a quarter of the harm it does, through its own firms'
# lost sales, as when Nvidia took a charge on chips it could no longer sell to
# China.[@reuters-socast-nvidia-h20-2025-04-15]
#
# Put together, a full US escalation does [$312 billion](fig:model-us-harm) of harm to China a
# year and costs the United States [$149 billion](fig:model-us-cost); a full Chinese escalation
# does [$102 billion](fig:model-cn-harm) of harm to the United States and costs China
# [$43 billion](fig:model-cn-cost). Most of the gap is the trade imbalance: the side that sells
# more has more sales to lose.

# %%
HTML(explainer.harm_table())

# %% [markdown]
# ### 3. One round: a prisoner's dilemma
#
# Each government chooses to restrain or to escalate. Counting only its own economy, neither
# would escalate, because every lever costs its user. Escalation becomes tempting because the
# two are rivals: a government also values the damage it does to the other side, which can slow
# a competitor or extract concessions. The model gives a dollar of the rival's loss a weight θ,
# from zero (pure economics) to one (pure rivalry), and takes the midpoint as its central case.
#
# The four outcomes, measured against mutual restraint (R), then come out as follows. The United
# States gains [$7 billion](fig:model-us-temptation) a year by escalating while China restrains
# (T), loses [$73 billion](fig:model-us-war-loss) when both escalate (P) and
# [$80 billion](fig:model-us-sucker-loss) when it restrains while China escalates (S). For China
# the temptation is [$8 billion](fig:model-cn-temptation), mutual escalation costs
# [$229 billion](fig:model-cn-war-loss) and restraining alone [$237 billion](fig:model-cn-sucker-loss).
# For both, T > R > P > S: whatever the other side does, escalating pays a little more, yet mutual
# escalation leaves both far worse off than mutual restraint. That is a prisoner's dilemma.
#
# It holds only in a band. For θ below [0.48](fig:model-theta-low) escalation does not pay and
# restraint comes naturally; above [0.71](fig:model-theta-high) the side holding most of the harm
# capacity, in this calibration the United States, prefers mutual escalation to mutual restraint.
# Between the two, deterrence has work to do.

# %%
HTML(explainer.payoff_table())

# %% [markdown]
# ### 4. Many rounds: the shadow of the future
#
# The game does not end after one round. If each side answers an escalation by escalating for
# ever (grim trigger), restraint pays as long as a government gives the next round enough weight:
# its discount factor δ must be at least (T − R) / (T − P). In the central case that threshold is
# [0.09](fig:model-threshold-us) for the United States and [0.03](fig:model-threshold-cn) for
# China: because the temptation is small next to the cost of a war, little patience is needed.
#
# The threshold depends on the balance of leverage. The side that can do more harm gains more
# from escalating and fears retaliation less, so its threshold rises; balanced leverage lowers
# both. In the central case China holds [25%](fig:model-balance) of the harm the two sides can
# do each other, because the tariff lever is sized by trade and China sells more than it buys.
# Chokepoints shift the balance only if they are worth much more than the gallium estimate. At
# fifty times that value, China's share rises from [36%](fig:model-balance-x50-january) in
# January 2025 to [52%](fig:model-balance-x50-april) at the end of April, after the
# [soybean suspensions](event:cn-soybean-log-import-suspension-2025-03-04) and
# [rare-earth licensing](event:cn-rare-earth-export-controls-2025-04-04), then falls back to
# [39%](fig:model-balance-x50-december) once Washington added controls on
# [chip-design software](event:us-eda-export-licence-requirement-2025-05-23) and
# [jet engines](event:us-jet-engine-chemical-export-halt-2025-05-28) in May. Use the controls to
# see where restraint can hold; the black line is 2025.

# %%
HTML(explainer.restraint_chart())

# %% [markdown]
# How did the two governments actually play? Reading the chronology month by month, the United
# States escalated in [6](fig:model-escalation-months-us) months of 2025 and China in
# [8](fig:model-escalation-months-cn). Tit-for-tat, which copies the other side's last move,
# matches the US moves in [5](fig:model-match-us-tft) months and China's in
# [7](fig:model-match-cn-tft); grim trigger fits China in [7](fig:model-match-cn-grim). No rule
# fits well. The year looks less like a fixed strategy than like probing: each side tested a lever,
# watched the answer and adjusted.

# %%
HTML(explainer.strategies_chart())

# %%
HTML(explainer.moves_details())

# %% [markdown]
# Mistakes matter more than strategy names. When a move can be misread, two grim-trigger players
# lock into permanent escalation after the first error: they restrain together in
# [0%](fig:model-noise-grim) of rounds. Two tit-for-tat players echo each error back and forth
# and restrain together in [19%](fig:model-noise-tft). Generous tit-for-tat, which forgives an
# escalation [91%](fig:model-generosity) of the time, keeps mutual restraint in
# [88%](fig:model-noise-gtft) of rounds. The spring of 2025 had a moment of that kind:
# [Washington accused Beijing](event:us-accuses-china-violating-geneva-2025-05-30) of violating
# the Geneva deal, [Beijing rejected the charge](event:cn-mofcom-rejects-violation-claim-2025-06-02)
# and pointed to new US restrictions, and within days the two leaders
# [spoke by phone](event:trump-xi-call-2025-06-05) and sent negotiators to
# [London](event:london-talks-framework-2025-06-10).

# %%
HTML(explainer.noise_table())

# %% [markdown]
# ## Détente: where the analogy holds and where it breaks
#
# **Evenly matched?** Enough to deter each other, not equal in size. Each side showed in 2025 that
# it could impose costs the other could not quickly escape, and neither could escalate without
# heavy losses of its own. Counted in trade, though, a full US escalation does
# [$312 billion](fig:model-us-harm) of harm a year to China and a full Chinese one
# [$102 billion](fig:model-cn-harm) to the United States in this site's model, because China
# sells far more than it buys. China closes that gap through chokepoints such as rare-earth
# magnets, whose worth to the industries that use them no trade figure captures, so the balance
# that held in 2025 was one of deterrence between unequal economies, not one of equals.
#
# The Cold-War word fits some of 2025. Détente between Washington and Moscow rested on mutual
# vulnerability, on agreements that capped the arsenals without disarming them, and on ways for
# each side to check the other's compliance. The trade truce has the first two. Each side showed
# it could hurt the other, and the
# [Geneva joint statement](event:geneva-joint-statement-2025-05-12) and the
# [Busan package](event:busan-trump-xi-meeting-2025-10-30) capped the levers rather than removing
# them: tariffs were suspended, not repealed, and
# [rare-earth rules](event:cn-suspends-oct9-export-controls-2025-11-07) and the
# [US affiliates rule](event:us-bis-suspends-affiliates-rule-2025-11-10) were paused for a year.
#
# The analogy breaks in three places.
#
# - **Interdependence cuts both ways.** Nuclear arsenals sit apart from daily life; economic
#   levers are daily life. Every lever in the matrix hurts exporters, farmers or buyers on the
#   side that pulls it, which is why the model needs rivalry (θ) before escalation pays at all.
#   That cost is a reason for restraint in its own right.
# - **There is no verification regime.** Arms-control treaties came with agreed ways of counting.
#   The truce is checked through each side's own statistics and statements, which often diverge:
#   in the spring dispute Washington pointed to slow rare-earth licences and Beijing to new US
#   chip and software restrictions. Without agreed facts, an honest delay can look like cheating,
#   which is the noisy game above.
# - **Leverage decays.** Missiles do not lose their bite when the other side builds factories;
#   chokepoints do. The Pentagon has backed a US magnet plant due to start commissioning in
#   2028,[@metaltechnews-mp-materials-dod-2025-07-10] and Chinese AI-chip makers such as Huawei
#   have gained ground as US chips were cut off.[@clashreport-huang-95-to-0-2025-10-20] In the model a lever's strength falls as its years to replace shrink, so a balance
#   that supports restraint today can tilt, and each side may be tempted to use a lever before it
#   weakens.
#
# The calendar matters too. The Busan measures are one-year suspensions with
# [scheduled end dates](event:cn-rare-earth-rules-suspension-ends-2026-11-10) in November 2026.
# In a repeated game a known last round weakens restraint as it approaches; renewals that both
# sides expect keep the shadow of the future long.
#
# ## Limits
#
# - **One year, one country pair.** The model compares annual flows at the 2025 peak tariffs with
#   2024 trade. It has no third countries, so it misses the rerouting and the new markets that
#   softened the blow to Chinese exporters, and no adjustment over time.
# - **The headline rate overstates the tariff.** The US exempted smartphones, computers and chips
#   from the reciprocal tariff from [11 April 2025](event:us-electronics-exemption-reciprocal-tariffs-2025-04-11);
#   the model applies the across-the-board rate to all trade.
# - **Lost sales are not lost income.** The model counts every lost export sale as a loss to the
#   exporter. If exporters resell half of what they lose, the dilemma disappears (see the
#   sensitivity table): escalation then never pays in dollars alone.
# - **Chokepoints are valued crudely.** A dependence share times a replacement time says how tight
#   a chokepoint is, not how much economic activity sits behind it; every chokepoint is valued
#   with the gallium estimate. Macquarie's estimate for Chinese controls on four rare earths and
#   gallium is of the same order as the USGS figure;[@northernminer-macquarie-minerals-curb] a
#   count that followed magnets through the industries that use them could be far larger.
# - **θ is not observed.** The weight a government puts on its rival's loss drives the result and
#   is an assumption; so are the replacement times marked as such in the matrix.
# - **Months are coarse.** The rule that turns the chronology into monthly moves is a choice, and
#   twelve months are a small sample. The key moves flagged in the chronology decide first, so the
#   month of the Geneva cut reads as restraint by both even though Washington took more small
#   escalating steps than conciliatory ones that May; when key moves are level, a side escalates
#   when its escalation steps are at least as many as its de-escalation steps, talks counting as
#   de-escalation by both.
#
# The table below shows how the answer moves when one parameter changes.

# %%
HTML(explainer.sensitivity_table())

# %% [markdown]
# ## Parameters and code
#
# Every number the model uses, with its basis: data (computed from the files in
# [Downloads](../data/)), a study, the one calibration, or an assumption of this site.

# %%
HTML(explainer.parameters_table())

# %%
HTML(explainer.code_link())
