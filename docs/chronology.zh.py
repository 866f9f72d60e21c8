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
# # 大事记
#
# 本页收录华盛顿和北京在这场贸易与科技之争中每一步有确切日期的举动，从2018年的第一批301关税，到2026年11月的休战期限。每个条目都有自己的锚点，有法律文件的注明所依据的法律文件，并链接到其出处。优先采用原始文件（政府公告、法院判决意见、联合声明）；各方报道不一致时，条目中会加以说明。
#
# 每项举动都列在宣布当天，并注明生效日期（提前一个多月宣布的举动则列在生效当天）。事先确定的期限，例如暂停措施的结束日期，会单独标出，不计为举动。可以只显示关键日期、举动或期限，可以按施压手段、行为方或方向筛选，也可以搜索条目文字；筛选条件保存在地址栏中，因此可以把某个视图分享给别人。

# %%
from IPython.display import HTML

from truce.blocks import chronology

# %%
HTML(chronology.overview_chart())

# %% [markdown]
# ## 关键日期 { #key-dates }

# %%
HTML(chronology.key_dates_html())

# %% [markdown]
# ## 全部条目（按时间倒序） { #all-entries-newest-first }

# %%
HTML(chronology.page())

# %% [markdown]
# 下载数据：[events.csv](../data/events.csv)及其来源[sources.csv](../data/sources.csv)。条目如何选取、日期如何确定，见[方法说明](../about/methodology/)。
