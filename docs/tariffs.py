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
# ---

# %% [markdown]
# # Tariff tracker
#
# The numbers quoted about this trade war rarely measure the same thing. This page builds them
# from the legal layers: each executive order, proclamation or tariff-commission announcement
# is one row of data with its rate, its start and its end, and the site adds them up for any day.
#
# The **headline rate** is the sum of the additional duties that applied to *all* goods from the
# other side. Product-specific layers (Section 301 lists, Section 232 steel or cars, China's
# farm-goods lists) come on top for the goods they cover and are shown in the full stack below.

# %%
from IPython.display import HTML
from truce import views

# %%
HTML(views.headline_chart())

# %% [markdown]
# ## The layers behind the headline rate

# %%
HTML(views.layers_chart())

# %% [markdown]
# ## Every layer, United States

# %%
HTML(views.measures_table("US"))

# %% [markdown]
# ## Every layer, China

# %%
HTML(views.measures_table("CN"))
