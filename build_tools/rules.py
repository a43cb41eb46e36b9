"""The rule registry: every problem the validator can report, with a stable code.

A code never changes once published: schools, CI logs and the error catalogue refer to it.
`message` says what is wrong (it may show the value received, never personal data);
`hint` says how to fix it. Both are format strings filled by Report.add().
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    code: str
    severity: str  # "error" stops the build; "warning" is shown to the reviewer
    message: str
    hint: str


_RULES = [
    # Files and encoding
    Rule("file/not-utf8", "error", "文件不是 UTF-8 编码（这一行有无法识别的字节，常见于 WPS 或 Excel 另存的 GBK/GB18030 文件）。",
         "请用记事本或 VS Code 把文件“另存为”UTF-8 编码；表格文件见学校提交指南中的转换方法。"),
    Rule("file/too-large", "error", "文件有 {size} 字节，超过了单个记录 {limit} 字节的上限。",
         "一条活动记录通常不到 5000 字节，请检查是否误粘贴了大段内容。"),
    Rule("file/misplaced", "error", "活动文件应放在 data/activities/<年份>/ 文件夹下，并以 .yaml 结尾，收到 {value}。",
         "请把文件移到 data/activities/{year}/ 下，文件名形如 2026-12-05-anquan-jiangzuo.yaml。"),
    Rule("file/wrong-year", "error", "文件放在 {folder} 年的文件夹里，但编号的日期是 {year} 年。",
         "请把文件移到 data/activities/{year}/ 文件夹。"),
    Rule("file/empty", "error", "文件是空的。", "请按学校提交指南填写活动记录，或用 python -m build_tools new activity 生成模板。"),
    Rule("file/unreadable", "error", "无法读取文件：{reason}。", "请确认文件存在并且可以读取。"),
    # YAML syntax and the strict loader
    Rule("yaml/syntax", "error", "YAML 格式错误：{problem}。",
         "请检查这一行及上一行的缩进（只能用空格，不能用 Tab）、冒号后是否有空格、引号是否成对。"),
    Rule("yaml/alias", "error", "不允许使用锚点或别名（& 和 *）。", "请把内容直接写出来，不要引用别处。"),
    Rule("yaml/tag", "error", "不允许使用类型标签（以 ! 开头，收到 {value}）。", "请去掉标签，直接写值；需要时给值加上引号。"),
    Rule("yaml/duplicate-key", "error", "字段 {value} 重复出现（第一次在第 {first} 行）。", "一个字段只能写一次，请删除或合并重复的一处。"),
    Rule("yaml/too-deep", "error", "嵌套层数超过 {limit} 层。", "活动记录最多只有几层缩进，请检查缩进是否写错。"),
    Rule("yaml/multiple-documents", "error", "一个文件里只能有一条记录（发现了多余的 --- 分隔线）。", "请删除多余的 ---，每条活动单独一个文件。"),
    Rule("yaml/not-mapping", "error", "文件的最外层必须是“字段名: 值”的形式。", "请对照模板，从 id: 开始逐行填写。"),
    Rule("yaml/bad-key", "error", "字段名必须是一个简单的词。", "请检查这一行冒号前面的内容。"),
    # Text hygiene
    Rule("text/control-char", "error", "出现了不可见的控制字符 {value}。",
         "这类字符（如双向文本控制符、零宽字符）会让文字显示得与实际不同，请删除这一处后重新输入。"),
    # Schema (types and constraints, from data/schemas/*.schema.yaml)
    Rule("schema/unknown-field", "error", "不认识的字段 {value}。", "{suggestion}字段名只能用字段说明中列出的名字。"),
    Rule("schema/required", "error", "缺少必填字段。", "请填写：{description}"),
    Rule("schema/wrong-shape", "error", "这里应该是{expected}，收到的是{got}。", "请对照模板检查缩进和“- ”列表符号。"),
    Rule("schema/type", "error", "{value}不是有效的{type_name}。", "{description}"),
    Rule("schema/timezone", "error", "时间 {value} 必须写明 +08:00 时区。", "请写成 2026-12-05T08:20:00+08:00 的形式，或只写日期 2026-12-05。"),
    Rule("schema/pattern", "error", "{value}的格式不对。", "{description}"),
    Rule("schema/enum", "error", "{value}不是允许的取值。", "可选值：{allowed}。{suggestion}"),
    Rule("schema/minimum", "error", "{value}小于允许的最小值 {limit}。", "{description}"),
    Rule("schema/maximum", "error", "{value}大于允许的最大值 {limit}。", "{description}"),
    Rule("schema/min-length", "error", "内容太短（{length} 字，至少 {limit} 字）。", "{description}"),
    Rule("schema/max-length", "error", "内容太长（{length} 字，最多 {limit} 字）。", "请精简到 {limit} 字以内。"),
    Rule("schema/not-in-list", "error", "{value}不在{list_title}中。", "{suggestion}可选值见 {list_path}。"),
    # Consistency across fields and files
    Rule("consistency/id-mismatch", "error", "id {value} 与文件名 {stem} 不一致。", "请把 id 改成 {stem}，或把文件改名为 id 加 .yaml。"),
    Rule("consistency/duplicate-id", "error", "id {value} 已被 {other} 使用。", "每个活动的编号必须唯一，请换一个英文短名。"),
    Rule("consistency/end-before-start", "error", "结束 {value} 早于开始 {start}。", "请检查日期：结束日期不能早于开始日期。"),
    Rule("consistency/deadline-after-start", "error", "报名截止日期 {value} 晚于活动开始 {start}。", "报名截止日期应在活动开始当天或之前。"),
    Rule("consistency/timetable-date-outside", "error", "日程日期 {value} 不在活动日期 {start} 至 {end} 之内。", "请检查这一项日程的日期。"),
    Rule("consistency/quota-sum", "error", "各单位分配名额合计 {total}，与名额合计 {value} 不一致。", "请核对 audience.places 与各单位名额。"),
    Rule("consistency/received-exceeds", "warning", "已募集 {value} 超过需要数量 {quantity}。", "如果物资已募集齐，把 received 改成与 quantity 相同即可。"),
    Rule("consistency/contact-missing", "error", "联系方式至少要填电话或邮箱中的一项。", "请填写 contact.phone（办公电话或热线）或 contact.email。"),
    Rule("consistency/url-scheme", "error", "链接必须以 https:// 开头，收到 {value}。", "请填写报名表单的完整网址（https:// 开头）。"),
    Rule("privacy/mobile-without-consent", "error", "联系电话是个人手机号，但没有注明本人同意公开。",
         "请改用单位办公电话或热线；确需公开手机号时，须取得本人书面同意并填写 consent: true。"),
    # Restricted Markdown in descriptions
    Rule("markdown/raw-html", "error", "详细介绍里不能使用 HTML 标签。", "请改用 Markdown：空行分段，- 开头列表，**加粗**。"),
    Rule("markdown/attr-list", "error", "详细介绍里不能使用 {{...}} 属性写法。", "请删除花括号及其中的内容。"),
    Rule("markdown/image", "error", "详细介绍里不能插入图片。", "网站不发布图片，以免泄露儿童信息；请用文字描述。"),
    Rule("markdown/link-scheme", "error", "详细介绍里的链接必须以 https:// 开头，收到 {value}。", "请改成 https:// 开头的完整网址，或删除这个链接。"),
]

RULES: dict[str, Rule] = {r.code: r for r in _RULES}
assert len(RULES) == len(_RULES), "duplicate rule code"
