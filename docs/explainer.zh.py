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
# # 相互确保经济毁灭：一个可以动手推演的模型
#
# 2025年，华盛顿和北京几乎动用了手中所有能够制约对方的施压手段（筹码）：关税，针对芯片和芯片设计软件的出口管制，稀土出口许可，大豆和飞机采购，港口费，以及各种黑名单。每一种手段都让对方受损，也让动用它的一方付出代价。本站的出发点是《中美聚焦》（China-US Focus）上的一篇文章。文章认为，双方发现彼此的实力比预想的更为接近，而休战所依靠的是“经济威慑而非经济支配”（本站译）。[@chinausfocus-edgy-truce-tricky-detente]
#
# 本页把这一论点变成可以检验的东西：一张根据有出处的数据建立的施压手段矩阵，一个以2024年贸易数据校准的双方博弈小模型，以及可以在浏览器中运行的图表。模型有意保持简单。每个参数都列在页末，并注明出处或标明是本站的假设；图表可以让读者调整最关键的几项假设。

# %%
from IPython.display import HTML

from truce.blocks import explainer

# %% [markdown]
# ## 谁握有哪些施压手段 { #who-holds-which-lever }
#
# 矩阵列出了[15](fig:model-levers-count)种施压手段，其中美国握有[7](fig:model-levers-us)种，中国握有[8](fig:model-levers-cn)种。每一种都记录了对方依赖什么、依赖多深、有哪些替代来源、替代这项供应需要多长时间，以及这一手段何时动用、何时放松，并链接到大事记中的相应条目。
#
# 依赖是双向的，在关键卡点上尤其严重。美国实施管制之前，英伟达称其在中国先进AI芯片市场的份额为[95%](fig:lev-ai-chips-share)；新思科技、楷登电子和西门子EDA都受美国出口规则约束，三家合计占中国芯片设计软件市场的[80%](fig:lev-eda-share)；仅美国企业就生产了全球[42%](fig:lev-chip-tools-share)的芯片制造设备。中国这边，则生产全球[94%](fig:lev-rare-earth-magnets-share)的稀土磁材和[98%](fig:lev-gallium-share)的原生镓，并在2024年买下了美国大豆出口额的[51%](fig:lev-soybeans-share)。替代一项供应所需的年数大多是本站的估计，均标为假设；有几种手段（黑名单、港口费）找不到有出处的份额数据，列出时不附份额。

# %%
HTML(explainer.leverage_table())

# %% [markdown]
# ## 模型的四个步骤 { #the-model-in-four-steps }
#
# ### 1. 关税压缩贸易，加征方自己也要付出代价 { #1-a-tariff-shrinks-trade-and-its-user-pays-too }
#
# 2024年，美国从中国进口货物[4387亿美元](fig:trade-us-imports-cn-2024?decimals=0)，对华出口[1432亿美元](fig:model-exports-2024)（美国人口普查局数据，取同一发布批次）。模型假设贸易随关税按不变弹性σ减少：剩余贸易额等于2024年贸易额乘以（1 + 关税）的−σ次方。σ取Amiti、Redding和Weinstein根据2018年关税估计的值；如果把贸易完全中断的产品也计算在内，这几位作者得出的弹性要大得多（两个值都列在参数表中）。[@flipbuilder-amiti-redding-weinstein-2019-p12]这项研究和Fajgelbaum等人的研究都发现，2018年的关税全部转嫁给了进口国的买方。[@nber-fajgelbaum-return-to-protectionism-w25638]因此，加征关税的一方要为此买单：模型把无谓损失记在它的账上，即其买方的损失扣除留在国内的关税收入之后的部分。出口方损失的则是销售额。
#
# 在美方[145%](fig:us-headline-peak)的峰值税率下，模型预计美国自华进口只剩约[31%](fig:model-trade-left-us-peak)；在中方[125%](fig:cn-headline-peak)的峰值税率下，美国对华出口剩下[35%](fig:model-trade-left-cn-peak)。若采用较大的弹性，剩下的只有[0.5%](fig:model-trade-left-us-peak-zeros)。用2025年的实际情况检验一下：把对所有商品加征的关税逐日输入模型，模型预测美国自华进口为2024年水平的[73%](fig:model-2025-imports-predicted)，人口普查局数据显示为[70%](fig:model-2025-imports-actual)。对于美国对华出口，模型预测为[87%](fig:model-2025-exports-predicted)，实际为[74%](fig:model-2025-exports-actual)：北京的针对性措施（例如停止采购大豆）造成的降幅，超过了单靠对所有商品加征的关税所能造成的降幅。

# %%
HTML(explainer.trade_chart())

# %%
HTML(explainer.losses_chart())

# %% [markdown]
# ### 2. 卡点通过供应而非价格起作用 { #2-chokepoints-work-through-supply-not-price }
#
# 其他施压手段切断的，是对方难以从别处买到的东西，本站称之为关键卡点。模型给每种手段一个介于0和1之间的强度：对方的依赖份额，乘以替代这项供应所需时间在五年期限中所占的比例。没有有出处份额数据的手段不计强度，因此模型中剩下[9](fig:model-levers-valued)个卡点。一个单位的强度折合每年[35亿美元](fig:model-lambda)的损害：美国地质调查局估计，中国全面禁止镓和锗出口会使美国产出减少大约这么多，而这一手段的强度接近1。[@usgs-ofr-2024-1057-gallium-germanium]用同样的方法为每个卡点估值是一种假设，对稀土磁材这类手段可能偏低，因为它们装在一个个行业的电机和传感器里；第4步的图表允许把卡点的估值最多提高到五十倍。动用卡点的一方要承担其所造成损害的四分之一，体现为本国企业损失的销售额，例如英伟达就曾因无法再向中国出售的芯片而计提了一笔费用。[@reuters-socast-nvidia-h20-2025-04-15]
#
# 综合起来，美国全面升级每年给中国造成[3116亿美元](fig:model-us-harm)的损害，自身付出[1487亿美元](fig:model-us-cost)的代价；中国全面升级给美国造成[1016亿美元](fig:model-cn-harm)的损害，自身付出[428亿美元](fig:model-cn-cost)的代价。差距主要来自贸易失衡：卖得多的一方，可能损失的销售额也多。

# %%
HTML(explainer.harm_table())

# %% [markdown]
# ### 3. 一轮博弈：囚徒困境 { #3-one-round-a-prisoners-dilemma }
#
# 每个政府都要在克制和升级之间做出选择。如果只算本国的经济账，谁都不会升级，因为每种手段都会伤到动用者自己。升级之所以有吸引力，是因为两国是竞争对手：政府也看重自己给对方造成的损害，这可以拖慢竞争者，或者迫使对方让步。模型给对手每一美元的损失赋予一个权重θ，从0（纯经济考量）到1（纯粹的对抗），并取中点作为基准情形。
#
# 以相互克制（R）为基准，四种结果如下。中国克制而美国升级时，美国每年获益[71亿美元](fig:model-us-temptation)（T）；双方都升级时，美国损失[731亿美元](fig:model-us-war-loss)（P）；美国克制而中国升级时，美国损失[802亿美元](fig:model-us-sucker-loss)（S）。对中国而言，升级的诱惑为[80亿美元](fig:model-cn-temptation)，相互升级的代价为[2292亿美元](fig:model-cn-war-loss)，单方面克制的代价为[2372亿美元](fig:model-cn-sucker-loss)。对双方来说都有T > R > P > S：无论对方怎么做，升级总能多得一点，但相互升级会让双方的处境远远差于相互克制。这就是囚徒困境。
#
# 这一困境只在一个区间内成立。θ低于[0.48](fig:model-theta-low)时，升级得不偿失，克制顺理成章；θ高于[0.71](fig:model-theta-high)时，握有大部分损害能力的一方（在本模型的校准下是美国）宁可相互升级，也不愿相互克制。在两者之间，威慑才有用武之地。

# %%
HTML(explainer.payoff_table())

# %% [markdown]
# ### 4. 多轮博弈：未来的阴影 { #4-many-rounds-the-shadow-of-the-future }
#
# 博弈不会一轮就结束。如果每一方都以永久升级来回应对方的一次升级（冷酷触发策略），那么只要政府足够看重下一轮，克制就是划算的：其贴现因子δ至少要达到（T − R）/（T − P）。在基准情形下，美国的门槛是[0.09](fig:model-threshold-us)，中国是[0.03](fig:model-threshold-cn)：由于升级的诱惑相对于一场贸易战的代价很小，需要的耐心并不多。
#
# 门槛取决于双方筹码的对比。能造成更大损害的一方从升级中得到的更多，也不那么担心对方反击，因此它的门槛会上升；筹码相当则会降低双方的门槛。在基准情形下，双方能给对方造成的损害中，中国占[25%](fig:model-balance)，因为关税手段的分量由贸易额决定，而中国卖得多、买得少。只有当卡点的价值远高于镓的估算时，它们才会改变这一对比。按该估值的五十倍计算，中国所占份额从2025年1月的[36%](fig:model-balance-x50-january)升至4月底的[52%](fig:model-balance-x50-april)，其间中国[暂停了部分美国大豆的进口](event:cn-soybean-log-import-suspension-2025-03-04)，并对[稀土实行出口许可](event:cn-rare-earth-export-controls-2025-04-04)；5月华盛顿又对[芯片设计软件](event:us-eda-export-licence-requirement-2025-05-23)和[喷气发动机](event:us-jet-engine-chemical-export-halt-2025-05-28)加以管制，这一份额随后回落到[39%](fig:model-balance-x50-december)。拖动控件，可以看到克制在哪些条件下能够维持；黑线代表2025年。

# %%
HTML(explainer.restraint_chart())

# %% [markdown]
# 两国政府实际上是怎么出招的？逐月阅读大事记可以看到，2025年美国有[6](fig:model-escalation-months-us)个月采取了升级行动，中国有[8](fig:model-escalation-months-cn)个月。一报还一报（照搬对方上一步）的策略与美国的出招在[5](fig:model-match-us-tft)个月吻合，与中国的出招在[7](fig:model-match-cn-tft)个月吻合；冷酷触发策略与中国的出招在[7](fig:model-match-cn-grim)个月吻合。没有哪条规则拟合得好。与其说这一年双方遵循某种固定策略，不如说是在试探：每一方试用一种手段，观察对方的反应，再做调整。

# %%
HTML(explainer.strategies_chart())

# %%
HTML(explainer.moves_details())

# %% [markdown]
# 比起策略叫什么，失误的影响更大。当一步棋可能被误读时，两个采用冷酷触发策略的参与者在第一次失误后就会陷入永久升级：双方同时克制的轮次占[0%](fig:model-noise-grim)。两个采用一报还一报的参与者会把每一次失误来回传递，双方同时克制的轮次占[19%](fig:model-noise-tft)。宽容的一报还一报以[91%](fig:model-generosity)的概率原谅对方的一次升级，能在[88%](fig:model-noise-gtft)的轮次中保持相互克制。2025年春天就出现过这样的时刻：[华盛顿指责北京](event:us-accuses-china-violating-geneva-2025-05-30)违反日内瓦协议，[北京驳回了这一指控](event:cn-mofcom-rejects-violation-claim-2025-06-02)，并指出美方出台了新的限制措施；几天之内，两国元首[通了电话](event:trump-xi-call-2025-06-05)，并派谈判代表前往[伦敦](event:london-talks-framework-2025-06-10)。

# %%
HTML(explainer.noise_table())

# %% [markdown]
# ## 缓和：类比在哪里成立，在哪里失效 { #detente-where-the-analogy-holds-and-where-it-breaks }
#
# **势均力敌？** 足以相互威慑，但体量并不相当。2025年，双方都证明了自己能让对方付出一时无法摆脱的代价，而任何一方若要升级，自身也将蒙受重大损失。但若以贸易计算，按本站的模型，美国全面升级每年给中国造成[3116亿美元](fig:model-us-harm)的损失，中国全面升级给美国造成的损失则为[1016亿美元](fig:model-cn-harm)，因为中国对美出口远多于自美进口。中国凭借稀土磁材等关键供应环节弥补了这一差距：这些产品对下游产业的价值，是任何贸易数据都反映不出来的。因此，2025年维持住的平衡，是两个不对等的经济体之间的相互威慑，而不是势均力敌者之间的平衡。
#
# 冷战时期的这个词，对2025年的局面部分适用。华盛顿与莫斯科之间的缓和建立在三点之上：相互之间的脆弱性，为武库设限而不裁撤武库的协议，以及双方核查对方是否遵约的途径。贸易休战具备前两点。双方都展示了伤害对方的能力，而[《中美日内瓦经贸会谈联合声明》](event:geneva-joint-statement-2025-05-12)和[釜山会晤达成的一揽子安排](event:busan-trump-xi-meeting-2025-10-30)限制了这些施压手段，却没有将其取消：关税是暂停实施而非废除，[稀土规则](event:cn-suspends-oct9-export-controls-2025-11-07)和[美国的出口管制穿透性规则](event:us-bis-suspends-affiliates-rule-2025-11-10)也只是暂停一年。
#
# 这一类比在三个地方失效。
#
# - **相互依存是双向的。** 核武库与日常生活相隔甚远，经济手段本身就是日常生活。矩阵中的每一种手段都会伤及动用方自己的出口商、农民或买家，所以模型必须引入对抗（θ），升级才可能有利可图。这种代价本身就是保持克制的理由。
# - **没有核查机制。** 军控条约附有双方商定的清点方法。休战的执行情况却只能靠双方各自的统计和表态来检验，而两者往往对不上：在春季的争执中，华盛顿指出稀土许可发放迟缓，北京则指出美国对芯片和软件的新限制。没有公认的事实，正常的延误也可能看起来像违约，这正是上文那种存在误读的博弈。
# - **筹码会衰减。** 对方建起工厂，导弹的威力并不会因此减弱，卡点却会。五角大楼已为一座美国磁材工厂提供支持，该厂预计2028年开始调试。[@metaltechnews-mp-materials-dod-2025-07-10]在美国芯片被切断之后，华为等中国AI芯片厂商的市场地位也有所上升。[@clashreport-huang-95-to-0-2025-10-20]在模型中，一种手段的强度会随着替代所需年数的缩短而下降，所以今天有利于克制的平衡可能发生倾斜，双方都可能想趁手中的手段失效之前动用它。
#
# 时间表同样重要。釜山会晤的各项措施都是为期一年的暂停，[预定的结束日期](event:cn-rare-earth-rules-suspension-ends-2026-11-10)在2026年11月。在重复博弈中，已知的最后一轮越近，克制就越难维持；如果双方都预期会续期，未来的阴影就能保持足够长。
#
# ## 局限 { #limits }
#
# - **只有一年、一对国家。** 模型把2025年峰值关税下的年度贸易流量与2024年的贸易相比较。模型中没有第三国，因此没有反映贸易改道和新市场为中国出口商缓冲的冲击，也没有反映随时间推移的调整。
# - **加征关税水平高估了实际关税。** 自[2025年4月11日](event:us-electronics-exemption-reciprocal-tariffs-2025-04-11)起，美国把智能手机、电脑和芯片排除在对等关税之外；模型却对全部贸易适用对所有商品加征的税率。
# - **销售损失不等于收入损失。** 模型把每一笔损失的出口销售都算作出口方的损失。如果出口商失去的销售有一半能转卖给别的买家，困境就会消失（见敏感性分析表）：这时仅以美元计算，升级永远不划算。
# - **卡点的估值很粗略。** 依赖份额乘以替代时间，衡量的是一个卡点卡得有多紧，而不是它背后有多少经济活动；每个卡点都按镓的估算来估值。麦格理对中国管制四种稀土和镓所做的影响估算，与美国地质调查局的数字处于同一数量级。[@northernminer-macquarie-minerals-curb]如果沿着磁材一路追踪到使用它们的各个行业，算出来的数字可能要大得多。
# - **θ无法观测。** 政府对对手损失赋予的权重决定着结果，而它只是一个假设；矩阵中标为假设的替代时间也是如此。
# - **以月为单位过于粗略。** 把大事记转化为逐月出招的规则是一种人为选择，而十二个月的样本很小。大事记中标为关键的举动优先决定结果，所以日内瓦降税的那个月算作双方都克制，尽管当年5月华盛顿采取的小幅升级步骤多于和解步骤；关键举动持平时，一方的升级步骤只要不少于降级步骤，即算作升级，会谈对双方都算作降级。
#
# 下表显示，改变某一个参数时，结论会如何变化。

# %%
HTML(explainer.sensitivity_table())

# %% [markdown]
# ## 参数与代码 { #parameters-and-code }
#
# 模型用到的每一个数字及其依据：数据（由[下载](../data/)中的文件计算得出）、研究文献、唯一的一次校准，或本站的假设。

# %%
HTML(explainer.parameters_table())

# %%
HTML(explainer.code_link())
