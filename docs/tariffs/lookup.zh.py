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
# # 商品查询
#
# 某一种商品要缴哪些关税，从何时开始？输入一个税则号或几个关键词，再选择日期和方向，查询工具就会列出当天涉及该商品的每一个法律层级，包括正常关税、301条款和232条款清单、对所有商品加征的关税，以及免除这些关税的豁免，并给出每一层的法律文件、来源及其在[大事记](../../chronology/)中的位置，同时绘制该商品自2018年以来的加征关税曲线。

# %%
from IPython.display import HTML

from truce.blocks import products

# %%
HTML(products.lookup_block())

# %% [markdown]
# ## 关税叠加如何计算 { #how-the-stack-is-computed }
#
# 查询工具直接在浏览器中运行，使用本站每次构建时发布的数据，并采用与本站Python软件包（`truce.additional_duty(code, date, side)`）相同的规则；本站的测试会逐例比对二者的结果：
#
# - 每一层关税自生效之日起计算，至终止之日止；暂停实施的部分从被暂停的层级中扣除；
# - 针对清单商品的关税，在清单列有该税则号或其上位的较短编码时适用；
# - 对所有商品加征的关税适用于全部商品，但当天有效的豁免附件所列商品除外，法律文件本身排除的商品也除外（对等关税和122条款进口附加费不在232条款关税之上叠加）；
# - 2024年301条款复审确定的税率，取代其所涵盖商品原有的清单税率；
# - 当天有效、针对整个10位税号的301条款产品排除，免去该税号的301条款关税；按描述给予的排除列在该层级之下，并附排除描述、美国注释和第99章税号，但不计入合计，因为只有符合描述的商品才被排除。
#
# 局限：按描述给予的301条款排除只显示、不计入，2021年10月以前的排除批次未收入数据；对金属或铜含量征收的关税按商品全值计算；美国的正常关税是根据2024年实征关税按章估算的实际税率；中国2018—2019年的反制清单未能逐个税则号获取，因此显示为*可能适用*，不计入合计。数据文件及其来源见[下载](../../data/)页面；完整规则见[关税追踪](../)页面的核对部分和[方法](../../about/methodology/)页面。
