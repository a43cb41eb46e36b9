"""A child named in context (blocking): a name shape next to something that says "this is a child".

Rules and data, no statistics: the web form runs the same rules in JavaScript on the same
data (textrules.rule_data → assets/privacy-rules.json, content/assets/privacy-rules.js), so
every regex here is written in the subset that Python's `re` and ECMAScript (flag u) read
alike: explicit character classes (no \\s \\d \\w \\b), no `.`, `^` or `$`, lookbehinds of
fixed width, no named groups. tests/test_privacy_parity.py runs a corpus through both.

How a name is found (find):
1. Contexts before a name (BEFORE: 学生, 留守儿童, 帮扶对象：, 三年级, 孙女…) and list
   headings (HEADING: 获奖名单：, 受助学生：, a table header 姓名) say where a name begins;
   contexts after one (AFTER: 同学, 小朋友, ，9岁, （三年级）, ，女，, 的父母, 之女, 由奶奶照顾…)
   where it ends.
2. There a name shape is read: a surname (SURNAMES, COMPOUND_SURNAMES) and one or two given
   characters, or 某/某某 (a surname alone still points at one child in a small school). The
   longer reading first; a reading is dropped when it is a common word (lexicon.py: 马上, 周末,
   高年级), a famous person (FAMOUS), holds a character no given name has (NOT_GIVEN), ends
   in one that follows names (NOT_LAST: 刘洋的, 王芳今年), or begins with a title (王老师).
3. Adults stay allowed: a name followed by a title (李老师, 王法官, 张书记) or preceded by an
   adult role (志愿者, 班主任, 家长) is not a child's.
4. Lists: from a name, names joined by 、，和 与 及 or spaces are names too (罗子豪、罗子涵兄妹);
   after a heading that ends its line, the lines up to the next empty one are a list.
Only the matched name is reported (its span); messages never repeat it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cached_property, lru_cache

from . import lexicon
from .hits import Hit

CODE = "privacy/person-name"

# Common surnames, and those common where the data comes from (Guangxi, Hunan, Guizhou:
# Zhuang, Yao, Miao, Dong, Tujia families: 覃 韦 侬 蒙 莫 黎 粟 农 蓝 岑 盘 冉 麻 滕 禤 磨).
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟"
    "谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤蒙农蓝滕粟侬岑"
    "甘欧凌兰麦庞易常乔施牛温康洪葛翟鲁聂伍颜左柴申祝盘冉麻禤磨邝冼阮卜巫练骆殷苗纪邢裴柳鲍翁季俞焦樊霍谷晏章储"
    "艾毕项祁桂窦屈邬鞠栾费尤巩蒲宁车饶倪容包岳褚卫闵伏戚郁荣杭丰景匡宗丘宣贲郗仲伊宫"
    "宓蓬郜奚佟"
)
COMPOUND_SURNAMES = tuple(
    "欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 司徒 令狐 宇文 夏侯 西门 南宫 端木 独孤 申屠 轩辕".split())
ANONYMOUS = ("某某", "某")  # 王某某: the surname is still told
# What school texts call a child instead of a name: 小 or 阿 and one character (小明, 阿妹).
NICKNAME_HEADS = "小阿"

# Characters no given name holds: particles, pronouns, verbs and words that follow a name,
# numbers and measure words, time words, and the ends of place and organisation names.
NOT_GIVEN = (
    "的了们是在和与及或等也都就还又很把被让给从到对这那哪里么吗呢吧啊呀着过地得之其此该每各些个位名次件只条张"
    "说讲问答看听想做去来回走跑吃喝玩写读唱画要会能需应将已曾再才并且而但却因由为以于向往跟同比"
    "年日时分秒周岁级班届期节课校区县市省镇乡村街组路号室楼层栋单队部局厅处科股所站馆院厂场店社会团委办学生师员"
    "你我他她它谁啥怎几多两六七八九十百千万亿零〇上下前后内外边面头脑身手脚"
    "丢拿放找买卖借用打扔捡掉洗穿摔拉推坐睡进出吵闹哭喊叫怕躲藏偷抢骗玩耍逃跳爬游泳溺淹烧烫伤病痛吗"
    "爸妈爷奶晚夜午昨早好"
)
# …nor ends a three-character name: what typically follows a name (李明参加, 王芳今年, 张伟说).
NOT_LAST = "的了是在和与及或等也都就还又很把被让给从到对籍省市县区镇乡村今现因获被由跟参表爸妈爷奶父母姐哥弟妹兄家亲叔姨舅姑小老大最都曾已正将要会能可所读上去来说笑哭送收帮带领界岛港庄楼塔寺庙桥岭洞湾州"
# Characters that end given names (轩 涵 琪 杰…): a three-character reading whose first two
# characters are a common word (方子轩, 林子轩: 方子, 林子) is a name only when it ends in one.
NAME_END = (
    "轩涵萱豪杰宇琪怡悦欣雨泽睿诺彤妍萌馨瑶熙宸昊浩然博航晨辰阳洋峰磊鑫婷娜丽敏静燕霞艳芳红华明军强伟勇斌波涛龙凯鹏"
    "飞超亮健俊彬锐楠媛颖茜倩蕾薇琳璐晴雪梅兰菲欢嘉佳琦瑞祥康恒毅帆远翔腾铭锦烨煜皓晗曦汐沐朵依伊瑾璇玲莹慧婧洁蓉珊"
    "珍秀英凤霖森松宁乐歌彪威奇昕旭昱晟晖玮珂琛瑜璟宏弘鸿宝贝丹露辉荣聪智灵彦哲涵钰琰璐希曼岚岩鹤麟骏驰霆钧铄"
    "墨桐蕊菡苒柔嫣姝婉婕妤娅琬瑄珈茹芸莉莎琴瑶筱"
)
# What follows a place name, not a person's (陆城镇, 荣家湾, 张谷英村, 苏仙区): a reading followed by one is a place.
PLACE_AFTER = "省市县区镇乡村街寨屯湾路州旗盟坝坪岭峪沟坡岗塘洲港岛"
TITLES = tuple(
    "老师 教师 校长 副校长 书记 副书记 主任 副主任 局长 副局长 县长 副县长 区长 镇长 乡长 市长 村长 支书 厅长 处长 科长 股长"
    " 所长 站长 馆长 院长 园长 会长 理事长 秘书长 部长 委员 主席 法官 检察官 警官 民警 警察 辅警 律师 医生 医师 大夫 护士 教授"
    " 博士 专家 讲师 教练 教官 社工 干事 干部 同志 先生 女士 阿姨 叔叔 伯伯 大姐 大哥 师傅 经理 董事长 记者 主持人 主讲人"
    " 志愿者 辅导员 班主任 指导员 网格员 专干 联络员 咨询师 心理咨询师 烈士 英雄 作家 诗人 画家 总 工".split())
# Roles that make the name after them an adult's, whatever follows it.
ADULT_ROLES = tuple(
    "老师 教师 校长 班主任 辅导员 志愿者 社工 书记 主任 局长 法官 检察官 警官 民警 律师 医生 护士 主持人 主讲人 讲师 专家"
    " 教授 家长 父亲 母亲 爸爸 妈妈 爷爷 奶奶 外公 外婆 监护人 代表 干部 网格员 主讲 嘉宾 记者 作者 诗人 演员".split())
# A three-character reading that starts with one of these and a surname is read from the
# second character on (感谢王芳同学 → 王芳, 向李明同学学习 → 李明).
LEAD_CHARS = "向于谢祝贺给为让叫请对替帮陪教带送"
# Historical figures and characters that school texts name beside children (学习雷锋, 岳飞的故事).
FAMOUS = frozenset(
    "岳飞 李白 杜甫 白居易 王维 孟浩然 李清照 苏轼 苏东坡 辛弃疾 陆游 王安石 欧阳修 柳宗元 韩愈 屈原 陶渊明 孔子 孟子 老子"
    " 庄子 荀子 墨子 韩非子 诸葛亮 曹操 刘备 关羽 张飞 赵云 孙权 周瑜 司马光 司马迁 秦始皇 汉武帝 唐太宗 李世民 武则天"
    " 康熙 乾隆 朱元璋 郑和 张骞 文天祥 岳母 林则徐 邓世昌 孙中山 鲁迅 毛泽东 周恩来 朱德 刘少奇 邓小平 雷锋 黄继光 邱少云"
    " 董存瑞 刘胡兰 王二小 赵一曼 杨靖宇 方志敏 焦裕禄 孔繁森 钱学森 邓稼先 袁隆平 屠呦呦 钟南山 李四光 华罗庚 詹天佑"
    " 张衡 祖冲之 李时珍 华佗 扁鹊 蔡伦 毕昇 王羲之 颜真卿 齐白石 徐悲鸿 梅兰芳 聂耳 冼星海 花木兰 穆桂英 包拯 包青天 海瑞"
    " 戚继光 郑成功 孙悟空 猪八戒 沙和尚 唐僧 孟母 曹冲 孔融 王冕 匡衡 车胤 孙敬 苏秦 黄香 闻一多 朱自清 冰心 老舍 巴金 茅盾"
    " 叶圣陶 郭沫若 艾青 臧克家 季羡林 杨利伟 王亚平 翟志刚 景海鹏 张桂梅 黄文秀 张富清 李大钊 陈独秀 瞿秋白 江姐 江竹筠"
    " 夏明翰 叶挺 贺龙 彭德怀 陈毅 林觉民 谭嗣同 秋瑾 曹雪芹 施耐庵 吴承恩 罗贯中 孙膑 孙武 商鞅 李冰 王昭君 貂蝉 西施"
    " 杨玉环 宋庆龄 邓颖超 向警予 张思德 白求恩 任长霞 罗阳 黄大年 南仁东 于敏 孙家栋 王进喜 时传祥 吴运铎 高玉宝 张海迪"
    " 刘翔 姚明 郎平 李宁 邓亚萍 孔令辉 马龙 张继科 孙杨 苏炳添 谷爱凌 武大靖 全红婵".split()
) - {"刘翔", "李宁"}  # also ordinary names of children: see lexicon.NOT_WORDS

_HAN = "\u4e00-\u9fff"
_CN_NUM = "一二三四五六七八九十"
_SP = "[ \u3000]*"
SEP_NAME = "、，,和与及跟同/／;； \u3000"  # between two names of a list
_GRADE = (rf"(?:[一二三四五六七八九1-9]年级(?:[（(]?[0-9{_CN_NUM}]{{1,2}}[）)]?班)?|[初高][一二三](?:[（(]?[0-9{_CN_NUM}]{{1,2}}[）)]?班)?"
          rf"|[0-9{_CN_NUM}]{{1,2}}[（(][0-9{_CN_NUM}]{{1,2}}[）)]班|[0-9{_CN_NUM}]{{1,2}}班|[大中小]班)")
_AGE = rf"(?<![0-9])(?:1[0-8]|[1-9]|十[一二三四五六七八]?|[一二三四五六七八九])(?:周)?岁(?![0-9以])"
_CHILD_NOUN = (
    "留守儿童|困境儿童|留守学生|困难学生|贫困学生|受助学生|受助儿童|受助对象|结对儿童|结对学生|结对对象|帮扶学生|帮扶儿童|帮扶对象"
    "|资助对象|救助对象|关爱对象|学生代表|少先队员|小学生|中学生|初中生|高中生|男生|女生|男孩子?|女孩子?|男童|女童|小孩|孩子(?!们)"
    "|儿童(?!们)|幼儿|(?<![大留])学生(?!们)|该生|学员|营员|孤儿|患儿|学童|(?<!老)同学(?!们)|小朋友(?!们)|宝宝|外孙女|外孙|孙子|孙女"
    "|儿子|女儿|侄子|侄女|妹妹|弟弟|班长|课代表|学习委员|中队长|大队长|小队长|姓名|名叫|叫做|名字叫|(?<=[她他子生孩友])叫"
)
_HEADS = SURNAMES + "".join(sorted({c[0] for c in COMPOUND_SURNAMES} - set(SURNAMES)))  # a name's first character
# The first character of every context before a name: Python's re tries a pattern at every
# position, and one character class first is 5-10× faster than the alternation itself.
_BEFORE_FIRST = "".join(sorted({re.sub(r"^(?:\(\?<[=!][^)]*\))+", "", a)[0] for a in _CHILD_NOUN.split("|")})) + "一二三四五六七八九十初高大中小0-9"
BEFORE = (rf"(?=[{_BEFORE_FIRST}])(?:{_CHILD_NOUN}|{_GRADE}的?(?:学生|同学)?)(?:为|是|有)?[：:]?{_SP}"
          rf"(?=[{_HEADS}{NICKNAME_HEADS}])")
HEADING = (
    r"(?=[名获一二三特优需参帮受资结救姓学同儿孩营幼小对])(?:名单(?:如下)?[：:]|名单(?=[ \u3000]*\n)"
    r"|(?:学生|同学|儿童|孩子|营员|学员|幼儿|小朋友|对象)[^。！？!?\n：: \u3000\t]{0,8}[：:]|获奖(?:学生|同学|名单|者|情况)?[：:]|(?:[一二三]|特)等奖(?:获得者)?[：:]"
    r"|(?:优秀|三好)(?:学生|学员|营员|少先队员|队员)[：:]?|需要(?:重点)?关注的(?:学生|儿童|孩子)[：:]?"
    r"|参加(?:活动的)?(?:学生|儿童|营员)[：:]?|参赛(?:学生|选手)[：:]?|(?:帮扶|受助|资助|结对|救助)(?:对象|学生|儿童)[：:]|姓名)"
)
_FAMILY = "父亲|母亲|爸爸|妈妈|父母|爸妈|爷爷|奶奶|外公|外婆|姥姥|姥爷|监护人|家长|哥哥|姐姐|弟弟|妹妹"
_CARER = "爷爷|奶奶|外公|外婆|姥姥|姥爷|叔叔|婶婶|伯伯|姑姑|舅舅|姨妈|亲戚|哥哥|姐姐"
AFTER = (
    rf"(?:(?:小)?同学(?!们)|小朋友(?!们)"
    rf"|{_SP}[，,、（(|｜\t]?{_SP}(?:今年|现年|年仅|刚满|才|已)?{_AGE}"
    rf"|{_SP}[，,、（(|｜\t]?{_SP}(?:今年|现在|目前)?(?:就读于|在读|读|上|是)?{_GRADE}"
    rf"|(?:{_SP}[，,、（(|｜\t]{_SP}|[ \u3000]+)[男女](?:生|孩|童|性)?(?![{_HAN}A-Za-z])"
    rf"|(?:及其|和其|与其)?的?(?:{_FAMILY})|之(?:子|女|孙女|孙|父|母)|兄妹|姐弟|兄弟|姐妹|(?:是一对)?双胞胎"
    rf"|担任(?:班长|学习委员|课代表|中队长|大队长|小队长|升旗手|小主持人|小队长)"
    rf"|(?:现在|目前|一直|从小)?(?:由|跟着?|随|和|与)(?:其)?(?:{_CARER})(?:照顾|抚养|照看|生活|一起生活|带大)|(?:父母|爸妈)(?:常年|长期|都|均|在外|外出|离异|双亡)"
    rf"|家(?:住|里|中|庭)|就读于|等[0-9{_CN_NUM}]{{0,3}}[名位个]?(?:同学|学生|小朋友|孩子|儿童|营员|学员))"
)
# Where a list line's names begin: after a list marker, a table's cell border or a tab.
LIST_ITEM = rf"(?:[-*+•·]|[0-9]{{1,3}}[.、)）]|[（(][0-9{_CN_NUM}]{{1,3}}[）)])?{_SP}"
MAX_LIST_LINES = 500

# Where a context after a name begins: the shortest surname-and-given-name shape that a context
# follows, found by one pattern led by the surname class (a search for AFTER alone is 75× slower).
AFTER_AT = rf"[{_HEADS}{NICKNAME_HEADS}][{_HAN}]{{1,3}}?(?=(?:{AFTER}))"
_BEFORE_RE = re.compile(BEFORE)
_AFTER_AT_RE = re.compile(AFTER_AT)
_HEADING_RE = re.compile(HEADING)
_LIST_ITEM_RE = re.compile(LIST_ITEM)
_CELL_BORDERS = "|｜\t"
_SPACES = " \u3000"


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


class Names:
    """The detector with its data; `find` is the algorithm the JavaScript engine mirrors."""

    def __init__(self, common: Callable[[], frozenset[str]]):
        self._common = common

    @cached_property
    def common(self) -> frozenset[str]:
        """The common-word list, read when a name shape first stands next to a context (most texts: never)."""
        return self._common()

    def find(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of every name of a child in the text, in order, not overlapping."""
        found: dict[int, int] = {}
        for m in _BEFORE_RE.finditer(text):
            self._forward(text, m.end(), found)
        for m in _AFTER_AT_RE.finditer(text):
            self._backward(text, m.end(), found)
        for m in _HEADING_RE.finditer(text):
            start = _skip(text, m.end(), _SPACES)
            if self.read_forward(text, start) is not None:
                self._forward(text, start, found)  # 获奖名单：张小明、李华
            else:
                for line_start in self._list_lines(text, m.end()):
                    self._forward(text, line_start, found)
        kept, last_end = [], -1
        for start in sorted(found):
            if start >= last_end:
                kept.append((start, found[start]))
                last_end = found[start]
        return kept

    # ---- reading a name ----
    def _readings(self, text: str, start: int) -> list[tuple[int, int]]:
        """(end, surname length) of the name shapes that may begin at start, longest first."""
        out = []
        if text[start : start + 2] in COMPOUND_SURNAMES:
            out += [(start + 4, 2), (start + 3, 2)]
        if start < len(text) and text[start] in SURNAMES:
            out += [(start + 3, 1), (start + 2, 1)]
        if start < len(text) and text[start] in NICKNAME_HEADS:
            out.append((start + 2, 1))
        return [(end, sl) for end, sl in out if end <= len(text)]

    def plausible(self, text: str, start: int, end: int, surname: int) -> bool:
        """text[start:end] reads as a surname of `surname` characters and a given name."""
        given = text[start + surname : end]
        if given in ANONYMOUS:
            return text[end : end + 1] != "某"
        if any(not _is_han(c) or c in NOT_GIVEN or c == "某" for c in given):
            return False
        word = text[start:end]
        if word in self.common or word in FAMOUS or _starts_with(text, start + surname, TITLES):
            return False
        if len(given) == 2:
            if given[1] in NOT_LAST:
                return False
            # 黄色安全帽, 高中毕业: the first two characters are a word and the third begins the next.
            if text[start : start + surname + 1] in self.common and given[1] not in NAME_END:
                return False
        return True

    def read_forward(self, text: str, start: int) -> tuple[int, int] | None:
        readings = self._readings(text, start)
        if any(end < len(text) and text[end] in PLACE_AFTER for end, _ in readings):
            return None  # 陆城镇, 张谷英村: a place (the shorter reading too)
        for end, surname in readings:
            if self.plausible(text, start, end, surname):
                return start, end
        return None

    def read_backward(self, text: str, end: int) -> tuple[int, int] | None:
        for start, surname in ((end - 4, 2), (end - 3, 1), (end - 3, 2), (end - 2, 1)):
            if start < 0:
                continue
            head = text[start : start + surname]
            nickname = end - start == 2 and head in NICKNAME_HEADS
            if (surname == 2 and head not in COMPOUND_SURNAMES) or (surname == 1 and head not in SURNAMES and not nickname):
                continue
            if end - start == 3 and surname == 1 and text[start] in LEAD_CHARS and text[start + 1] in SURNAMES:
                continue
            if self.plausible(text, start, end, surname):
                return start, end
        return None

    # ---- contexts ----
    def _forward(self, text: str, start: int, found: dict[int, int]) -> None:
        """A name at start (after a context or a heading), and the names listed after it."""
        for _ in range(MAX_LIST_LINES):
            span = self.read_forward(text, start)
            if span is None or _starts_with(text, span[1], TITLES):
                return
            found.setdefault(span[0], span[1])
            start = _next_in_list(text, span[1])
            if start is None:
                return

    def _backward(self, text: str, end: int, found: dict[int, int]) -> None:
        """A name that ends at end (before a context), and the names listed before it."""
        for _ in range(MAX_LIST_LINES):
            span = self.read_backward(text, end)
            if span is None or _ends_with_role(text, span[0]):
                return
            found.setdefault(span[0], span[1])
            if span[0] == 0 or text[span[0] - 1] not in SEP_NAME:
                return
            end = span[0] - 1
            while end > 0 and text[end - 1] in _SPACES:
                end -= 1

    @staticmethod
    def _list_lines(text: str, after: int) -> Iterator[int]:
        """Where names may begin in the lines after a heading, up to the next empty line (a list or a table)."""
        pos = text.find("\n", after) + 1
        for _ in range(MAX_LIST_LINES if pos > 0 else 0):
            end = text.find("\n", pos)
            end = len(text) if end < 0 else end
            if text[pos:end].strip(" \u3000\t\r") == "":
                return
            yield _LIST_ITEM_RE.match(text, _skip(text, pos, _SPACES + _CELL_BORDERS)).end()
            for i in range(pos, end):
                if text[i] in _CELL_BORDERS:
                    yield _skip(text, i + 1, _SPACES)
            pos = end + 1
            if pos > len(text):
                return


def _starts_with(text: str, i: int, words: tuple[str, ...]) -> bool:
    return any(text.startswith(w, i) for w in words)


def _ends_with_role(text: str, i: int) -> bool:
    """An adult role ends right before i (志愿者李娜, 班主任：王芳)."""
    j = i - 1 if i > 0 and text[i - 1] in "：: " else i
    return any(text.endswith(role, 0, j) for role in ADULT_ROLES)


def _skip(text: str, i: int, chars: str) -> int:
    while i < len(text) and text[i] in chars:
        i += 1
    return i


def _next_in_list(text: str, i: int) -> int | None:
    """Where the next name of a list begins after a name that ends at i (or None: the list ends)."""
    if text.startswith("（", i) or text.startswith("(", i):  # 王芳（三年级）、李明
        close = min((j for j in (text.find("）", i), text.find(")", i)) if 0 <= j - i <= 12), default=-1)
        if close < 0:
            return None
        i = close + 1
    for suffix in ("同学", "小朋友"):
        if text.startswith(suffix, i):
            i += len(suffix)
    if i >= len(text) or text[i] not in SEP_NAME:
        return None
    return _skip(text, i + 1, _SPACES)


@lru_cache(maxsize=1)
def detector() -> Names:
    """The detector, once per process."""
    return Names(lambda: lexicon.common_words(frozenset(SURNAMES + NICKNAME_HEADS), frozenset(COMPOUND_SURNAMES)))


def find(text: str) -> Iterator[Hit]:
    """Names of children in a text."""
    for start, end in detector().find(text):
        yield Hit(start, end, CODE)
