"""The data of the name detector (names.py): word lists and patterns, defined once for Python and the form.

textrules.rule_data writes all of it to assets/privacy-rules.json, where the form's engine
(content/assets/privacy-rules.js) reads it. Every pattern keeps to the regex subset that
Python's `re` and ECMAScript (flag u) read alike: explicit character classes (no \\s \\d \\w \\b),
no `.`, `^` or `$`, lookbehinds of fixed width, no named groups (tests/test_privacy_parity.py).
"""

from __future__ import annotations

import re

CODE = "privacy/person-name"

# Common surnames, and those common where the data comes from (Guangxi, Hunan, Guizhou:
# Zhuang, Yao, Miao, Dong, Tujia families: 覃 韦 侬 蒙 莫 黎 粟 农 蓝 岑 盘 冉 麻 滕 禤 磨).
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟"
    "谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤蒙农蓝滕粟侬岑"
    "甘欧凌兰麦庞易常乔施牛温康洪葛翟鲁聂伍颜左柴申祝盘冉麻禤磨邝冼阮卜巫练骆殷苗纪邢裴柳鲍翁季俞焦樊霍谷晏章储"
    "艾毕项祁桂窦屈邬鞠栾费尤巩蒲宁车饶倪容包岳褚卫闵伏戚郁荣杭丰景匡宗丘宣贲郗仲伊宫"
    "宓蓬郜奚佟关安萧涂符牟齐舒梅"
    # rare elsewhere, met in the region's schools (佘敏, 敖翔, 靳磊)
    "佘敖靳檀禄勾文"
)
COMPOUND_SURNAMES = tuple(
    "欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 司徒 令狐 宇文 夏侯 西门 南宫 端木 独孤 申屠 轩辕".split())
ANONYMOUS = ("某某", "某")  # 王某某: the surname is still told
# What school texts call a child instead of a name: 小 or 阿 and one character (小明, 阿妹).
NICKNAME_HEADS = "小阿"
# …and 小 with a surname stands for one child (我们班的小潘特别爱看书) in a sentence that speaks of a child, where it
# stands alone: after one of these or no Chinese character, and before punctuation, a character that follows names
# (NOT_GIVEN, NOT_LAST) or one of NICKNAME_AFTER; not before a title (小李老师, 小韦书记).
NICKNAME_BEFORE = "的和跟与叫给让把被对向请找陪帮喊"
NICKNAME_AFTER = tuple("特别 一起 一直 总是 经常 常常 每天 平时 非常 已经 从来 今年 最近".split())

# Characters no given name holds: particles, pronouns, verbs and words that follow a name,
# numbers and measure words, time words, and the ends of place and organisation names.
NOT_GIVEN = (
    "的了们是在和与及或等也都就还又很把被让给从到对这那哪里么吗呢吧啊呀着过地得之其此该每各些个位名次件只条张"
    "说讲问答看听想做去来回走跑吃喝玩写读唱画要会能需应将已曾再才并且而但却因由为以于往跟同比"
    "年日时分秒周岁级班届期节课校区县市省镇乡村街组路号室楼层栋单队部局厅处科股所站馆院厂场店社会团委办学生师员"
    "你我他她它谁啥怎几多两二三四五六七八九十百千万亿零〇上下前后内外边面头脑身手脚"
    "丢拿放找买卖借用打扔捡掉洗穿摔拉推坐睡进出吵闹哭喊叫怕躲藏偷抢骗玩耍逃跳爬游泳溺淹烧烫伤病痛吗"
    "爸妈爷奶晚夜午昨早好氏祠记"
)
# …nor ends a three-character name: what typically follows a name (李明参加, 王芳今年, 张伟说).
NOT_LAST = ("的了是在和与及或等也都就还又很把被让给从到对籍省市县区镇乡村今现因获被由跟参表爸妈爷奶父母姐哥弟妹兄家亲"
            "叔姨舅姑小老大最都曾已正将要会能可所读上去来说笑哭送收帮带领界岛港庄楼塔寺庙桥岭洞湾州山向")
# Surnames of the region (Zhuang, Yao, Miao, Dong, Tujia families) weigh at least
# lexicon.REGIONAL_SURNAME_WEIGHT, however often the character stands in other words (盘子, 光盘).
REGIONAL_SURNAMES = "覃韦侬蒙莫黎粟农蓝岑盘冉麻滕禤磨"
# What a character of a story stands after (故事里的周小舟, 课文《…》里的李大叔, 动画片中的…): not a child of the text.
STORY_BEFORE = tuple("》里的 》中的 故事里的 故事中的 书里的 书中的 课文里的 课文中的 课本里的 课本中的 童话里的 童话中的"
                     " 小说里的 小说中的 动画片里的 动画片中的 电影里的 电影中的 绘本里的 绘本中的 剧中的 戏里的".split())
# Verbs after which a name-shaped span is a place (赴林芝, 游览了齐云山), not a person.
PLACE_BEFORE = tuple("赴 前往 游览 游览了 登上 登上了 途经 抵达 到达 远赴 奔赴".split())
# Characters that end given names (轩 涵 琪 杰…): a three-character reading whose first two
# characters are a common word (方子轩, 林子轩: 方子, 林子) is a name only when it ends in one.
NAME_END = (
    "轩涵萱豪杰宇琪怡悦欣雨泽睿诺彤妍萌馨瑶熙宸昊浩然博航晨辰阳洋峰磊鑫婷娜丽敏静燕霞艳芳红华明军强伟勇斌波涛龙凯鹏"
    "飞超亮健俊彬锐楠媛颖茜倩蕾薇琳璐晴雪梅兰菲欢嘉佳琦瑞祥康恒毅帆远翔腾铭锦烨煜皓晗曦汐沐朵依伊瑾璇玲莹慧婧洁蓉珊"
    "珍秀英凤霖森松宁乐歌彪威奇昕旭昱晟晖玮珂琛瑜璟宏弘鸿宝贝丹露辉荣聪智灵彦哲涵钰琰璐希曼岚岩鹤麟骏驰霆钧铄"
    "墨桐蕊菡苒柔嫣姝婉婕妤娅琬瑄珈茹芸莉莎琴瑶筱"
)
# Characters of children's given names today that jieba's names (mostly of adults, and of the
# past) hold too rarely: lexicon.given_weights raises them to lexicon.MODERN_WEIGHT.
MODERN_GIVEN = (NAME_END + "子梓思一可心语诗若梦紫晓佳嘉家俊文雅欣怡宇浩"
                "玥奕昕珺翊芮宸晞昀祎骞彧煦筠歆玟珞淇妤烁炜苡芊菁蕙樾楷栩曜晔暄颢泓瀚沛潇滢琛瑄瑗婵娴姗锴铠钧焱淼垚")
# What follows a place name, not a person's (陆城镇, 荣家湾, 张谷英村, 苏仙区; 李宁牌): a reading followed by one is a place.
PLACE_AFTER = "省市县区镇乡村街寨屯湾路州旗盟坝坪岭峪沟坡岗塘洲港岛祠寺庙阁塔堆牌殿"
# …and what follows the name of a place or an organisation a word or two later (马兰花艺术团,
# 杨家溪景区, 高峰林场, 江华瑶族自治县, 金凤凰志愿服务队): a reading followed by one is a name of a thing.
ORG_AFTER = tuple(
    "艺术团 舞蹈队 合唱团 志愿 服务队 服务站 服务中心 协会 读书会 俱乐部 工作室 基金 公司 集团 景区 公园 广场 林场 农场 社区 书院"
    " 学校 小学 中学 幼儿园 纪念馆 博物馆 图书馆 文化馆 科技馆 祠堂 故居 风景区 湿地 水库 大桥 大道 大街 小区 花园 族自治 自治"
    " 军校 旧址 遗址 故里 纪念碑 陵园 河畔 江畔 湖畔 机场 车站 火车站 高铁站 汽车站 码头 港口 景点 古镇 古城 老街"
    " 体育用品 用品 茶庄 茶行 茶叶店 十三香 食用油 调味品"
    " 体育馆 体育场 体育中心 教学楼 实验楼 综合楼 宿舍楼 办公楼 图书楼 科技楼"
    # shops, brands and old houses (李宁运动鞋, 周大福珠宝, 杨家大院, 张记米粉店)
    " 大院 老屋 宗祠 运动鞋 运动服 专卖店 品牌 珠宝 金店 剪刀 凉茶 辣酱 米粉 粉店 面馆 饭店 酒家 餐厅 餐馆 超市 商店 便利店"
    " 文具店 书店 小卖部 药店 药房 诊所 宾馆 酒店 商行 门店 奶茶 牛奶 饮料 食品 大屋 包子铺"
    # teams and squads named like people (金凤凰中队, 白鸽中队)
    " 中队 小队 大队".split())
# …and 家 before one of these is a place too (马家河, 陈家巷, 刘家祠堂), where 韦家豪 and 覃家乐 are names.
PLACE_AFTER_JIA = "河湾村坪巷桥岭沟塘坳寨庄店铺园山冲垅坡嘴湖港溪洲岗屯院堡营祠坝湖渡铺台"
MAX_ORG_GAP = 2  # characters between the reading and such an ending (马兰花艺术团: 马兰 + 花 + 艺术团)
TITLES = tuple(
    "老师 教师 校长 副校长 书记 副书记 主任 副主任 局长 副局长 县长 副县长 区长 镇长 乡长 市长 村长 支书 厅长 处长 科长 股长"
    " 所长 站长 馆长 院长 园长 会长 理事长 秘书长 部长 委员 主席 法官 检察官 警官 民警 警察 辅警 律师 医生 医师 大夫 护士 教授"
    " 博士 专家 讲师 教练 教官 社工 干事 干部 同志 先生 女士 阿姨 叔叔 伯伯 大姐 大哥 师傅 经理 董事长 记者 主持人 主讲人"
    " 志愿者 辅导员 班主任 指导员 网格员 专干 联络员 咨询师 心理咨询师 烈士 英雄 作家 诗人 画家 总 工 队长 爷爷 奶奶 老人"
    " 阿婆 阿公 阿伯 阿叔 阿嬷 阿爷 婆婆 公公 嬢嬢 娭毑 大爷 大妈 大娘 大婶 婶婶 伯母 姑姑 舅舅 姨妈 嫂子 老板 老板娘 店主 司机 厨师 校医".split())
# Roles that make the name after them an adult's, whatever follows it.
ADULT_ROLES = tuple(
    "老师 教师 校长 班主任 辅导员 志愿者 社工 书记 主任 局长 法官 检察官 警官 民警 律师 医生 护士 主持人 主讲人 讲师 专家"
    " 教授 家长 父亲 母亲 爸爸 妈妈 爷爷 奶奶 外公 外婆 监护人 代表 干部 网格员 主讲 嘉宾 记者 诗人 演员"
    " 主席 所长 站长 馆长 院长 园长 会长 部长 镇长 乡长 县长 村长 支书 队长 校医 督导员 指导员 咨询师 护士长 联系人 负责人 评委"
    " 人员 爱心人士 企业家 村民 党员 同志 先生 女士 阿姨 叔叔 师傅 教练 作家 画家 指导 带队 领队 主办 承办"
    " 司机 驾驶员 厨师 炊事员 消防员 保安 门卫 宿管员 宿管 保育员 保洁员 清洁工 营养师 通讯员 宣讲员 讲解员 调解员 护林员"
    " 政协委员 人大代表 工作队员 工作队队员 管理员 安全员 组长 护工 保姆 店员 售货员 服务员 导游 主播 工程师 技术员"
    " 农技员 兽医 会计 出纳 乡贤 捐赠人 捐助人 资助人 帮扶人 责任人 交警 特警 辅警 军人 老兵 消防队员 救援队员 裁判 裁判员"
    " 村官 大学生村官 执委 妇联执委 犯罪嫌疑人 嫌疑人 被告人 骑手 外卖员 网约车司机 第一书记"
    " 航天员 宇航员 科学家 院士 歌手 医师 大夫 警察 经理 董事长 干事 专干 联络员 区长 市长 厅长 会长 理事长 秘书长"
    " 教官 博士 传承人 手艺人 艺人 股长 科长 处长 厅长 村医 乡医 医务人员 工作人员 义工 快递员".split())
# Credits on a page (撰稿：…, 审核：…, 摄影：…): the names after them are the staff's, in a sentence that speaks of a
# child too; only where no context says a child stands there (摄影：五年级 韦思琪 is the child's photo).
CREDITS = tuple("作者简介】 作者简介 作者单位 单位 撰稿 撰稿人 审核 审稿 审稿人 初审 复审 终审 编辑 责任编辑 责编 美编 摄影 供稿 校对 排版 文/ 图/ 文／ 图／ 报送"
                " 签发 出品 监制 策划".split())
# What only adults do in these texts: a name right before one is an adult's (韦海涛主持…, 覃丽华致辞).
ADULT_TASKS = tuple("主持 带队 主讲 授课 讲授 致辞 讲话 出席 捐赠 捐款 捐资 慰问 看望 走访了 讲解了".split())
# What an adult does for the children, said as adults say it (韦海涛为孩子们讲了一个故事, 黄志强带领学生们…,
# 莫秋燕每周都来给孩子们上课): a name right before it, or a few characters before it, is an adult's. Children
# are 同学们 to each other, so that word counts only after 带领, 带着 and 教 (学生黄子轩为同学们表演了魔术).
_FOR_CHILDREN = "孩子们|学生们|小朋友们|留守儿童|全校学生|全体学生|全校师生|全体师生|师生们"
ADULT_SERVES = (rf"[\u4e00-\u9fff]{{0,4}}?(?:(?:为|给|向|带领|带着|陪着?|陪伴|教|和|与|同)(?:{_FOR_CHILDREN})"
                rf"|(?:带领|带着|教)同学们)")
# What says that the names before it are adults' (…是这次活动的志愿者, …作为带队老师).
ADULT_PREDICATE = ("是", "为", "作为", "担任", "系")
# A three-character reading that starts with one of these and a surname is read from the
# second character on (感谢王芳同学 → 王芳, 向李明同学学习 → 李明).
LEAD_CHARS = "向于谢祝贺给为让叫请对替帮陪教带送"
# Historical figures, characters of stories, the authors children read and the donors and educators
# schools and their buildings are named after, whom school texts name beside children (学习雷锋,
# 岳飞的故事, 曹文轩的《草房子》, 邵逸夫楼).
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
    " 刘翔 姚明 郎平 李宁 邓亚萍 孔令辉 马龙 张继科 孙杨 苏炳添 谷爱凌 武大靖 全红婵"
    " 曹文轩 杨红樱 郑渊洁 沈石溪 秦文君 黄蓓佳 叶君健 张天翼 严文井 孙幼军 冯骥才 林海音 萧红 史铁生 汪曾祺 余光中"
    " 孟郊 贺知章 王之涣 王昌龄 杜牧 李商隐 刘禹锡 范仲淹 杨万里 高适 岑参 骆宾王 李绅 袁枚 郑板桥 龚自珍 于谦 张继 崔颢"
    " 韦应物 王勃 陈子昂 柳永 晏殊 秦观 黄庭坚 朱熹 刘邦 项羽 韩信 张良 萧何 司马懿 诸葛孔明 祖逖 杨时 孙康 岳云 华罗庚"
    " 邵逸夫 田家炳 曾宪梓 霍英东 李嘉诚 包玉刚 陈嘉庚 蔡元培 陶行知 晏阳初 黄炎培 徐特立 马相伯 张謇"
    " 潘冬子 张嘎 马小跳 鲁西西 韦拔群 鲁班 祝英台 梁山伯 牛郎 许仙 白素贞 杨家将"
    # characters of the classics and of textbooks, and the English textbooks' pair (韩梅梅和李雷的对话)
    " 林黛玉 贾宝玉 薛宝钗 王熙凤 史湘云 贾母 刘姥姥 宋江 武松 林冲 李逵 鲁智深 吴用 杨志 燕青 孙二娘 晁盖 高俅 武大郎"
    " 杨过 郭靖 杨戬 沙僧 牛魔王 唐三藏 闰土 雨来 孔乙己 祥林嫂 杜小康 桑桑 方仲永 伍子胥 蔺相如 廉颇 毛遂 庞涓 田忌 周处"
    " 王戎 文彦博 曹植 甘罗 杨修 蒋干 鲁肃 黄盖 关云长 张翼德 赵子龙 吕布 董卓 袁绍 孙策 马超 黄忠 刘文学 韩梅梅 李雷"
    " 熊大 熊二 舒克 安徒生 高尔基 鲁滨逊 杨二嫂 阿长 宋妈 范进 严监生 陈尧咨 吕蒙 陈太丘 宋定伯 陆绩 孙康 左权 罗盛教 杨根思"
    " 马宝玉 葛振林 宋学义 刘伯承 任弼时 许云峰 阮小七 魏延 姜维 孟获 聂海胜 费俊龙 汤洪波 叶光富 桂海潮 杜真子 夏林果"
    # poets and writers of the textbooks not listed above
    " 王翰 王建 张志和 张籍 张若虚 李贺 李峤 高鼎 叶绍翁 翁卷 卢纶 胡令能 范成大 曾巩 杜审言 宋之问 刘长卿 钱起 韦庄 温庭筠"
    " 罗隐 皮日休 陆龟蒙 聂夷中 李煜 丰子恺 贾平凹 梁晓声 莫言 任溶溶 肖复兴 沈从文 郁达夫 徐志摩 戴望舒 胡适 林徽因"
    " 汪国真 顾城 席慕容 金近 储光羲 王湾"
    # brands and shops that read as names (王老吉凉茶, 周大福)
    " 王老吉 张小泉 周大福 周生生 周六福 周大生 老干妈 李锦记 王致和 张裕 杨国福 张亮 刘一手 谭木匠 陈李济 马应龙 王守义"
    " 雷允上 胡庆余 金龙鱼 鲁花 周黑鸭 钟薛高 徐福记 杨协成 黄飞红 王小卤 乔丹 安踏 蒙牛 伊利 康佳 方太 苏泊尔 卫龙 金利来"
    " 屈臣氏 谢瑞麟 李子柒 康师傅 盘王 盘古 马可 蓝猫 蓝兔 史努比 汤臣倍健 麦当劳 王中王 安慕希 陈克明 胡姬花 蔡林记".split()
) - {"刘翔", "李宁"}  # also ordinary names of children: see lexicon.NOT_WORDS
# Names of the English textbooks' exercises (假如你是李华): not a child's where the text around speaks of them.
TEXTBOOK_NAMES = ("李华",)
TEXTBOOK_CUES = tuple("英语 英文 课本 课文 教材 假如你是 笔友 对话 书面表达 作文题 范文".split())
TEXTBOOK_NEAR = 24  # characters either side, on the same line
# Short names of the counties (and cities) of the region that begin with a surname character (苏仙 心理健康,
# 金秀 瑶族孩子们): such a reading is a place unless contexts close it (学生江华同学). Fixed here, not read from
# data/lists/regions.csv: a pull request can change that file.
COUNTIES = tuple(
    "岳阳 岳麓 岳塘 苏仙 桂阳 桂东 桂平 桂林 安仁 安乡 安化 安龙 安顺 武陵 武陵源 武冈 武鸣 武宣 石门 石鼓 石峰 石阡 龙山 龙胜"
    " 龙圩 龙州 龙里 洪江 麻阳 麻江 祁阳 祁东 江永 江华 江州 江口 宁远 宁乡 宁明 蓝山 邵东 邵阳 常宁 常德 柳城 柳江 柳北"
    " 柳南 柳州 马山 蒙山 岑溪 岑巩 万秀 万山 覃塘 容县 陆川 田阳 田东 田林 凌云 钟山 金城江 金秀 金沙 罗城 罗甸 白云 余庆"
    " 关岭 黄平 施秉 黎平 雷山 贺州 毕节 凤凰 花垣 沅陵 溆浦 会同 芷江 靖州 通道 城步 新晃 融水 融安 三江 鹿寨 宜章 平江"
    " 云溪 汝城 嘉禾 临武 永兴 资兴 北湖 桑植 慈利 永顺 保靖 古丈 泸溪 吉首 道县 新田 双牌 东安 零陵 江南 恭城 富川 昭平"
    " 都安 大化 巴马 环江 南丹 天峨 东兰 凤山 乐业 隆林 西林 那坡 靖西 德保 忻城 象州 合山 从江 榕江 雷公山 台江 剑河 锦屏"
    " 天柱 三穗 镇远 丹寨 荔波 三都 独山 平塘 长顺 惠水 望谟 册亨 贞丰 晴隆 普安 兴仁 紫云 镇宁 关岭 威宁 赫章 纳雍 织金"
    " 松桃 沿河 德江 印江 思南 玉屏 务川 道真 正安 桐梓 湄潭 凤冈 习水 赤水".split())
# Organisations of adults: a name right after one, or after one and 的, is an adult's (蓝天救援队的韦志勇、覃海波).
ADULT_ORGS = tuple("救援队 消防队 消防救援大队 派出所 医院 卫生院 妇联 团委 团县委 关工委 教育局 公安局 检察院 法院 司法所"
                   " 民政局 卫健局 红十字会 社工站 协会 公司 银行 大学 融媒体中心 电视台 报社".split())
# A table row read alone (帮扶责任人,黄振东,县民政局,副局长): a cell other than the name's that is an adult's role or
# office (it ends in one of ADULT_ROLES, TITLES, ADULT_ORGS or in ROW_OFFICE_END: 县农业农村局) makes the name an
# adult's; not a cell naming the child's family (奶奶, 爷爷奶奶, 监护人：外婆; 代理家长 is a role).
ROW_BORDERS = "|｜\t,"
ROW_OFFICE_END = "局委厅"
FAMILY_CELLS = tuple("父亲 母亲 爸爸 妈妈 父母 爷爷 奶奶 外公 外婆 姥姥 姥爷 家长 监护人 哥哥 姐姐 叔叔 婶婶 伯伯 姑姑 舅舅 姨妈"
                     " 亲戚".split())
# A child's role at the start of a clause (队长：段家豪) is an adult's where the sentence speaks of a team of adults.
TEAM_ROLES = ("队长", "组长", "副队长", "副组长")
ADULT_TEAMS = tuple("救援 消防 村民 民兵 工作队 巡逻 护林 突击队 医疗队 派出所 民警".split())
# Everyday words that are names too (lexicon.NOT_WORDS keeps them from the common words): a name only
# next to a context (学生高峰今年10岁), not on the weak way (白雪覆盖了校园，孩子们…; 雷鸣般的掌声).
WORD_NAMES = frozenset("金星 江山 田野 高峰 黎明 白雪 蓝天 方圆 张扬 周全 凌云 高远 雷鸣 洪亮 林立 高翔".split())
# What says that a name is made up (小明（化名）): such a name is not a child's.
PSEUDONYM = ("（化名）", "(化名)", "（化名", "(化名", "化名")

_HAN = "\u4e00-\u9fff"
_CN_NUM = "一二三四五六七八九十"
_SP = "[ \u3000]*"
SEP_NAME = "、，,和与及跟同/／;； \u3000"  # between two names of a list
# What may stand inside a name written apart (李 娜, 韦·春花): names.join_split takes it out first.
# Where one may begin: a surname, perhaps one more character, then a space or a dot before a Chinese character.
SPLIT_AT = rf"[{SURNAMES}{''.join(c[0] for c in COMPOUND_SURNAMES)}](?=[{_HAN}]?[ \u3000·•・][{_HAN}])"
# 覃 小 燕, 莫 晓东 (alone between spaces or punctuation), 留守儿童莫 晓东 (right after a word for a child), 韦·明辉.
_SURNAME = f"(?:{'|'.join(COMPOUND_SURNAMES)}|[{SURNAMES}])"
SPLIT_NAME = (rf"(?:(?<![{_HAN}]){_SURNAME}(?:[ \u3000][{_HAN}]){{1,2}}(?![{_HAN}])"
              rf"|(?<![{_HAN}]){_SURNAME}[ \u3000][{_HAN}]{{2}}(?![{_HAN}])"
              rf"|(?<=[童生员友孩子儿]){_SURNAME}[ \u3000](?=[{_HAN}])"
              rf"|{_SURNAME}[·•・](?=[{_HAN}]))")
_GRADE = (rf"(?:[一二三四五六七八九1-9]年级(?:[（(]?[0-9{_CN_NUM}]{{1,2}}[）)]?班)?|[初高][一二三](?:[（(]?[0-9{_CN_NUM}]{{1,2}}[）)]?班)?"
          rf"|[0-9{_CN_NUM}]{{1,2}}[（(][0-9{_CN_NUM}]{{1,2}}[）)]班|[0-9{_CN_NUM}]{{1,2}}班|[大中小]班)")
_AGE = r"(?<![0-9])(?:1[0-8]|[1-9]|十[一二三四五六七八]?|[一二三四五六七八九])(?:周)?岁(?![0-9以])"
_CHILD_NOUN = (
    "留守儿童|困境儿童|留守学生|困难学生|贫困学生|受助学生|受助儿童|受助对象|结对儿童|结对学生|结对对象|帮扶学生|帮扶儿童|帮扶对象"
    "|资助对象|救助对象|关爱对象|学生代表|少先队员|小学生|中学生|初中生|高中生|男生|女生|男孩子?|女孩子?|男童|女童|小孩|孩子(?!们)"
    "|儿童(?!们)|幼儿|(?<![大留])学生(?!们)|该生|学员|营员|孤儿|患儿|学童|(?<!老)同学(?!们)|小朋友(?!们)|宝宝|外孙女|外孙|孙子|孙女"
    "|儿子|女儿|侄子|侄女|妹妹|弟弟|哥哥|姐姐|班长|课代表|学习委员|中队长|大队长|小队长|大队委|小主持人|升旗手|护旗手|领唱|同桌|新生"
    "|学生会主席|学生会副主席|学生会干部|学生裁判|(?<![大留])学生志愿者|班级安全员|班级管理员|班级图书管理员"
    "|学生记者|小记者|小志愿者|小讲解员|小宣讲员|小导游|小交警|小卫士|小组长|值日生|(?<=领)操员"
    # 文艺委员, 劳动委员…: matched from 委 on (a class before it), as 生 心 安 文 begin too many other words
    "|(?<=[文体劳卫宣纪生组安心][艺育动生传律活织全理])委员"
    f"|(?<![{_HAN}])队长|(?<![{_HAN}])组长|(?<![{_HAN}])副队长|(?<![{_HAN}])副组长"
    "|姓[ \u3000]?名|名叫|叫做|名字叫|(?<=[她他我个位子生孩友])叫|叫(?:他|她)|(?:兄妹|姐弟|兄弟|姐妹)(?:俩|两人|二人)?|写给"
)
# A child's role or word for a child that ends a table's cell (体育委员, 中队长, 小志愿者, 学生代表): no adult's role there.
CHILD_ROLE = f"(?:{_CHILD_NOUN})(?:代表)?"
# Prizes and ranks in a list of winners (一等奖罗雨婷，二等奖…; 第一名：吴俊豪; “劳动之星”黄家乐).
_PRIZE = (rf"(?:(?:[一二三四五六]|特)等奖|金奖|银奖|铜奖|优秀奖|鼓励奖|进步奖|冠军|亚军|季军|第[{_CN_NUM}0-9]{{1,2}}名"
          rf'|(?:之星|小标兵|小能手|小达人|小明星|小模范|小榜样|好少年|美德少年)[”"」』]?)(?:[（(][^）)\n]{{1,8}}[）)])?(?:获得者|得主)?(?:是|为)?')
# Groups and teams (第一小组 韦明杰; 红队队长 覃浩然; A组（8—10岁）罗俊熙), at the start of a clause.
_GROUP = (rf"(?<![{_HAN}A-Za-z0-9])(?:第?[{_CN_NUM}0-9A-Z][{_CN_NUM}0-9A-Za-z]?(?:小)?[组队]|[红蓝黄绿紫橙白黑][队组])"
          rf"(?:[（(][^）)\n]{{1,12}}[）)])?(?:队长|组长)?")
_HEADS = SURNAMES + "".join(sorted({c[0] for c in COMPOUND_SURNAMES} - set(SURNAMES)))  # a name's first character
# The first character of every context before a name: Python's re tries a pattern at every
# position, and one character class first is 5-10× faster than the alternation itself.
# What every context before a name begins with, two characters of it: Python's re tries a pattern at every
# position, and a character class and this check first are several times faster than the alternation itself
# (a page's text and markup are full of digits, 学 and 小). tests/test_privacy_parity.py checks that it lets
# every context through.
_BEFORE_FIRST = ("".join(sorted({re.sub(r"^(?:\(\?<[=!][^)]*\))+", "", a)[0] for a in _CHILD_NOUN.split("|")} - {"("}))
                 + "兄姐一二三四五六七八九十初高大中小特金银铜优鼓进冠亚季第之红蓝黄绿紫橙白黑共分喊好美0-9A-Z“「『\"")
_BEFORE_PAIRS = (
    rf"留守|困[境难]|贫困|受助|结对|帮扶|资助|救助|关爱|学[生员童习]|少先|小[学孩朋队主班记志讲宣导交卫组标能达明模榜]|好少|美德|中[学队班]|初[中一二三]|高[中一二三]"
    rf"|[男女][生孩童]|女儿|孩子|儿[童子]|幼儿|该生|营员|孤儿|患儿|同[学桌]|宝宝|外孙|孙[子女]|侄[子女]|妹妹|弟弟|哥哥"
    rf"|姐[姐弟妹]|兄[妹弟]|班[长级]|队长|组长|副[队组]|值日|操员|委员|课代|大[队班]|升旗|护旗|领唱|新生|姓[ \u3000]?名|名[叫字]|叫|写给"
    rf"|[0-9{_CN_NUM}]{{1,2}}(?:[年岁等班组队（(]|周岁|小组)|特等|[金银铜]奖|优秀|鼓励|进步|[冠亚季]军|第[{_CN_NUM}0-9]|之星"
    rf"|[红蓝黄绿紫橙白黑][队组]|[A-Z][0-9A-Za-z]?(?:组|队|小组)|共[0-9{_CN_NUM}两]|分别"
    rf"|[“「『][{_HAN}]|喊")
# A quote that calls an adult, or answers a roll call, and the name of who said it right after (“阿姨，你明天还来吗？”韦小雨问;
# “到！”李浩然举手): a child speaks.
_QUOTE = (r'[“"「『](?:[^”"」』\n]{0,6}(?:老师|叔叔|阿姨|校长)们?好?[，,！!？?][^”"」』\n]{0,40}|到[！!。]?)[”"」』]'
          r'|喊了?(?:一声)?[“"「『]')

BEFORE_BODY = (rf"(?:(?:{_CHILD_NOUN})(?:代表)?|{_GRADE}的?(?:学生|同学|新生)?|{_AGE}半?的|{_PRIZE}|{_GROUP}"
               rf"|共[0-9{_CN_NUM}两]{{1,3}}[人名位][：:]|分别(?:是|为)|{_QUOTE})(?:为|是|有)?[：:]?{_SP}"
               rf"(?=[{_HEADS}{NICKNAME_HEADS}])")
# The ASCII quote apart: markup is full of them, and only one before a Chinese character can open a quote.
BEFORE = rf'(?=[{_BEFORE_FIRST}])(?:(?=")(?="[{_HAN}])|(?!")(?={_BEFORE_PAIRS})){BEFORE_BODY}'
_ASCII_FIRST = "[0-9A-Za-z](?=[0-9A-Za-z]?(?:[组队岁班年（(]|周岁|小组))"
HEADING = (
    r"(?=[名获一二三特优需参帮受资结救姓学同儿孩营幼小对以下点])(?:名单(?:如下)?(?:[：:]|[ \u3000]+)|名单(?=[ \u3000]*\n)"
    r"|点名[：:]"
    r"|(?:学生|同学|儿童|孩子|营员|学员|幼儿|小朋友|对象)[^。！？!?\n：: \u3000\t]{0,8}[：:]|获奖(?:学生|同学|名单|者|情况)?[：:]"
    r"|(?:[一二三]|特)等奖(?:获得者)?[：:]|(?:以下|下列)[^。！？!?\n：:]{0,16}[：:]"
    r"|(?:优秀|三好)(?:学生|学员|营员|少先队员|队员)[：:]?|需要(?:重点)?关注的(?:学生|儿童|孩子)[：:]?"
    r"|参加(?:活动的)?(?:学生|儿童|营员)[：:]?|参赛(?:学生|选手)[：:]?|(?:帮扶|受助|资助|结对|救助)(?:对象|学生|儿童)[：:]|姓[ \u3000]?名)"
    r"[（(【〔]?"
)
_FAMILY = "父亲|母亲|爸爸|妈妈|父母|爸妈|爷爷|奶奶|外公|外婆|姥姥|姥爷|监护人|家长|哥哥|姐姐|弟弟|妹妹"
_CARER = "爷爷|奶奶|外公|外婆|姥姥|姥爷|叔叔|婶婶|伯伯|姑姑|舅舅|姨妈|亲戚|哥哥|姐姐|父亲|母亲|爸爸|妈妈"
_CHILDREN = "同学|学生|小朋友|孩子|儿童|营员|学员|留守儿童"
AFTER = (
    rf"(?:{_SP}(?:小)?同学(?!们)|{_SP}小朋友(?!们)"
    rf"|{_SP}[，,、（(|｜\t]?{_SP}(?:今年|现年|年仅|刚满)?(?:才|已)?{_AGE}"
    rf"|{_SP}[，,、（(|｜\t]?{_SP}(?:今年|现在|目前)?(?:就读于|在读|读|上|是)?{_GRADE}(?!组)"
    rf"|(?:{_SP}[，,、（(|｜\t]{_SP}|[ \u3000]+)[男女](?:生|孩|童|性)?(?![{_HAN}A-Za-z])"
    rf"|(?:及其|和其|与其)?的?(?:{_FAMILY})|之(?:子|女|孙女|孙|父|母)|{_SP}(?:是一对|两|俩)?(?:兄妹|姐弟|兄弟|姐妹)|是(?:一名|一个|个)?(?:留守儿童|困境儿童|留守学生)(?![{_HAN}])|(?:是一对)?双胞胎"
    rf"|担任(?:班长|学习委员|课代表|中队长|大队长|小队长|升旗手|小主持人|小队长)"
    rf"|(?:现在|目前|一直|从小)?(?:由|跟着?|随|和|与)(?:其)?(?:{_CARER})(?:照顾|抚养|照看|生活|一起生活|带大|住|接回|接走)"
    rf"|(?:父母|爸妈)(?:常年|长期|都|均|在外|外出|离异|双亡)"
    rf"|家(?:住|里|中|庭)|就读于|(?:等[0-9{_CN_NUM}两]{{0,3}}[名位个]?|[0-9{_CN_NUM}两]{{1,3}}[名位个])(?:{_CHILDREN})(?!们)"
    rf"|[，,]{_SP}(?:你好|你的(?:信|包裹|快递))|的(?:一封)?(?:信|回信)(?![{_HAN}])|举(?:起了?)?手"
    # a roll call: the name called in a quote, and the child's answer (“黎浩然！”“到！”)
    rf'|[！!]?[”"」』]{_SP}[“"「『]到[！!。]?[”"」』]'
    # a teacher calls the name at the start of a quote (“韦思琪，该你了！”老师喊道)
    rf'|[，,！!][^”"」』\n]{{0,20}}[”"」』]{_SP}(?:老师|班主任)(?:喊|说|问|叫|大声|点名))'
)
# What a clause about a child goes on with right after the name, where a context stands before it (学生江河在运动会上…,
# 学生田园的画…; not 儿童安全在我心中): it closes a reading as a context after it does, so an everyday word may be the name (学生向阳今年9岁).
NAME_CLAUSE = "(?:在[\u4e00-\u9fff]{0,4}?(?:运动会|比赛|竞赛|活动)|在(?:班上|课上|课堂|学校)|获得?|参加|今年|的(?:作品|画|作文|父亲|母亲|父母|爷爷|奶奶|外公|外婆|家))"
# Where a list line's names begin: after a list marker, a table's cell border or a tab.
LIST_ITEM = (rf"(?:[-*+•·]|[0-9]{{1,3}}[.、)）]|[（(][0-9{_CN_NUM}]{{1,3}}[）)]|[①-⑳]|[{_CN_NUM}][、.]|No[.．]?[0-9]{{1,3}}"
             rf"|序号[0-9]{{1,3}})?{_SP}")
MAX_LIST_LINES = 500

# Where a context after a name begins: the shortest surname-and-given-name shape that a context
# follows, found by one pattern led by the surname class (a search for AFTER alone is 75× slower).
AFTER_AT = rf"[{_HEADS}{NICKNAME_HEADS}][{_HAN}]{{1,3}}?(?=(?:{AFTER}))"

# A child in the sentence, wherever it stands (the second way a name is found, names.py: every
# name-shaped span of such a sentence is judged by how name-like it is).
CUE_WORDS = tuple(
    "学生 同学 小朋友 孩子 儿童 营员 学员 幼儿 该生 少年 少先队 队员 新生 男孩 女孩 男生 女生 宝宝 孙子 孙女 外孙 儿子 女儿"
    " 弟弟 妹妹 哥哥 姐姐 兄妹 姐弟 兄弟 姐妹 双胞胎 同桌 班长 组长 大队委 小主持人 升旗手 护旗手 领唱 之星"
    " 年级 小学 中学 幼儿园 父母 父亲 母亲 爸爸 妈妈 爷爷 奶奶 外公 外婆 姥姥 姥爷 监护 留守 困境 孤儿 单亲 离异 改嫁 务工 打工"
    " 作业 成绩 上课 住校 放学 上学 返校 离校 病假 事假 请假 缺勤 点名 语文 数学 英语 功课 课堂 课间 升学"
    " 家访 走访 回访 探访 慰问 帮扶 资助 受助 结对 助学 补助 低保 心愿 测评 量表 心理 谈心 个案 档案 台账 跟进 关爱 关注"
    " 观察 视力 体检 营养 接送 接回 获奖 获得 表彰 评为 称号 冠军 名单 入选 比赛 竞赛 等奖 选手 决赛 复赛 初赛 运动会"
    " 值日 托管 学习 学校 班上 班里 全班 本班 听讲 周记 辅导 课外 寒假 暑假 夏令营 冬令营"
    " 班主任 长大 手工 画画 举手 转学 懂事 听话 调皮 想家 书包 文具 作文 日记 绘本 拼音 跳绳 游戏 作品".split())
_CUE_PATTERNS = (_AGE, _GRADE, "(?:name|grade|age|student|class)[ \u3000]*[:：]")
_CUE_FIRST = "".join(sorted({w[0] for w in CUE_WORDS})) + _CN_NUM + "初高大中小"
CUE = (rf"(?=[{_CUE_FIRST}]|{_ASCII_FIRST}|(?:name|grade|age|student|class)[ \u3000]*[:：])"
       rf"(?:{'|'.join(CUE_WORDS)}|{'|'.join(_CUE_PATTERNS)})")
# …of them, those that name children themselves, not lists or prizes: a heading that holds an adult word
# (志愿者名单, 负责老师) and none of these heads names of adults.
_CHILD_HEAD_WORDS = tuple(
    "学生 同学 小朋友 孩子 儿童 营员 学员 幼儿 该生 少年 少先队 新生 男孩 女孩 男生 女生 宝宝 年级 留守 困境 受助 帮扶 结对"
    " 资助 孙子 孙女 儿子 女儿".split())
CHILD_HEAD = rf"(?:{'|'.join(_CHILD_HEAD_WORDS)}|{_AGE}|{_GRADE})"
SENTENCE_END = "。！？!?\n"
