"""Date rows, tried in this order on each sentence (an earlier row's span is not matched again).
Absolute dates are normalised here; relative and partial ones (今年3月, 当年1月, 9月5日至11日,
11月底) are resolved by jionlp.parse_time against the article's date or the year the text last
named (loaders/ingest/dates.py)."""
from .. import gazetteer as gz

D = r"(?<!\d)"
ROWS = [
    # name, kind, pattern, confidence, example
    ("date-ymd-range", "date", D + r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?\s*(?:至|到|—|–|-|~)\s*(?:(\d{1,2})\s*月\s*)?(\d{1,2})\s*日",
     0.9, "论坛于2022年9月5日至11日在武汉举行。"),
    ("date-md-range", "date", D + r"(\d{1,2})\s*月\s*(\d{1,2})\s*日?\s*(?:至|到|—|–|-|~)\s*(?:(\d{1,2})\s*月\s*)?(\d{1,2})\s*日",
     0.85, "网络安全宣传周于9月5日至11日举行。"),
    ("date-ymd", "date", D + r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日", 0.95, "园区于2019年1月21日揭牌。"),
    ("date-iso", "date", D + r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)", 0.95, "发布时间：2023-03-24。"),
    ("date-year-range", "date", D + r"(\d{4})\s*(?:年\s*)?[-—–~至到]\s*(\d{4})\s*年", 0.9, "规划期为2021-2025年。",
     "a run of years (not one inside a document title: 《…行动计划(2022—2025年)》 is part of its name)"),
    ("date-ym-range", "date", D + r"(\d{4})\s*年\s*(\d{1,2})\s*月?\s*[-—–~至到]\s*(\d{1,2})\s*月(?![\d\s]*日)", 0.9,
     "2021年1-6月，全省软件业务收入增长28.6%。",
     "a run of months of one year: the months from the first to the last (2023年1月至11月 too, round blind-y)"),
    ("date-yq-range", "date", D + r"(\d{4})\s*年\s*第?([1-4一二三四])\s*[-—–~至到]\s*第?([1-4一二三四])\s*季度", 0.9,
     "按2025年1-3季度已公布数据测算，产业规模将突破8700亿元。",
     "a run of quarters of one year: from the first quarter's first month to the last one's last (round blind-y)"),
    ("date-year-part", "date", D + r"(\d{4})\s*年\s*(上半年|下半年|前三季度|第?[一二三四]季度)"
     r"(?![^，。；：、\s的]{2,20}?(?:" + "|".join(gz.NAMED_EVENT_SUFFIXES) + r"|活动|仪式))", 0.9,
     "2021年上半年，全省软件业务收入增长28.6%。", "a half or quarter of a year: its months (a figure is as of its end); not "
     "inside a meeting's name (2024年一季度重点招商项目集中签约活动: round blind-o, three blind samples)"),
    ("date-ym-part", "date", D + r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(上旬|中旬|下旬)", 0.9,
     "展会拟于2015年7月中旬举办。", "the first, middle or last ten days of a month"),
    ("date-ym-end", "date", D + r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(?:底|末)", 0.9, "截至2022年11月底，园区有企业50家。"),
    ("date-ym", "date", D + r"(\d{4})\s*年\s*(\d{1,2})\s*月(?:份)?", 0.95, "园区于2019年1月揭牌。"),
    ("date-year-end", "date", D + r"(\d{4})\s*年\s*(?:底|末)", 0.9, "截至2022年底，园区有企业50家。"),
    ("date-year-start", "date", D + r"(\d{4})\s*年\s*初(?![步次心见衷])", 0.9, "2022年初，园区开工。",
     "the start of a year, not 年 + a word opening on 初 (到2025年初步形成: round blind-o)"),
    ("date-year", "date", D + r"(\d{4})\s*年(?![\d\s]*(?:[月底末]|初(?![步次心见衷])))(?!度(?![，,])|(?:国家|全国|中国|世界|第|[\u4e00-\u9fff]{2,3}?省)[^，。；：、\s]{0,30}?"
     r"(?:" + "|".join(gz.NAMED_EVENT_SUFFIXES) + r"|白皮书|报告|榜单|名单|百强|评选))", 0.9,
     "预计到2025年产业规模达到1000亿元。",
     "not a year inside a name (2020年国家网络安全宣传周, 2021年中国网络安全产业白皮书, a province's 2020年湖南省…年度报告: "
     "round blind-j), nor 年度 (2020年度…名单: a list's or a report's year); 2018年中国计算机行业… is a year"),
    ("date-m-range", "date", r"(?<![\d年月\-—–~])(今年|去年|明年|当年|同年)?(\d{1,2})\s*月?\s*[-—–~至到]\s*(\d{1,2})\s*月(?![\d\s]*日)",
     0.85, "今年1—2月，开发区工业总产值增长12%。",
     "a run of months without a year: of the article's year (去年/明年 the one before or after, 当年 the year last named)"),
    ("date-first-months", "date", r"(?<!\d)(今年|去年|明年|当年|同年)?前\s*(\d{1,2}|十[一二]|[一二三四五六七八九十])\s*个?\s*月(?![\d\s]*日)",
     0.85, "前5月全省电子设备制造业投资增长65.5%。",
     "the first months of a year (前5月, 今年前5个月): of the year its sentence named before it, else the article's; a "
     "figure for them is as of the last (round blind-zq, dev-ZQ; the read gold dates 前三月 and 今年前5月 so)"),
    ("date-month-edge", "date", r"(?<![\d年月\-—–~第前])(?<!\d[至到])(\d{1,2})\s*月\s*(底|末|初)(?![步次心见衷])", 0.8,
     "截至6月底，31个重点项目完成投资152.5亿元。",
     "a month's end or start without a year (6月底, 7月初): of the year its sentence named before it, else the article's; "
     "底/末 the month's last day, 初 the month (round blind-zq, dev-ZQ; the read gold dates 6月底, 5月底 and 11月底 so)"),
    ("date-part", "date", r"(?<![\d年第])(今年|去年|明年|当年|同年)?(上半年|下半年|前三季度|第?[一二三四]季度)"
     r"(?![^，。；：、\s的]{2,20}?(?:" + "|".join(gz.NAMED_EVENT_SUFFIXES) + r"|活动|仪式))", 0.85,
     "上半年，全省新增授权发明专利500件。", "a half or quarter without a year: of the article's year (当年 the year last named)"),
    ("date-m-part", "date", r"(?<![\d年\-—–~至到])(今年|去年|明年)?(\d{1,2})\s*月\s*(上旬|中旬|下旬)", 0.85,
     "展会有望于7月中旬举办。", "ten days of a month without a year: of the article's year"),
    ("date-relative", "date", r"(今年|去年|前年|明年|当年|同年)\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日|\s*(底|末))?", 0.85,
     "园区于2020年建成，当年1月开园。", "今年9月底 is the month's last day, as 2022年6月底 (date-ym-end; round blind-zi)"),
    ("date-this-year", "date", r"(今年|去年|明年|同年|当年|(?<![以])上年(?!同期))(?![\d\s]*月|(?<=[同当上]年)以来|来|上半年|下半年|前|初|底|末|年)", 0.8,
     "该区将以今年国家网络安全宣传周为契机。",
     "a bare 今年/去年/明年: the article's year (or the one before or after); 同年/当年 the year the text last named "
     "(round blind-y), 上年 the one before it (2019年，…比上年增长6.2%: 2018; the read gold dates 上年 so five times of "
     "six, the sixth a 上年同期; round blind-zi); 今年上半年, 上年同期 are not one year. 今年以来/去年以来 name the year the "
     "span begins in (manual A8: 今年 and 去年 are dates; the read gold dates them so 21 times of 29; read in dev-ZW, round "
     "blind-zw)"),
    ("date-md", "date", D + r"(\d{1,2})\s*月\s*(\d{1,2})\s*日", 0.8, "5月18日，园区举行签约仪式。"),
    ("date-md-han", "date", r"(?<![一二三四五六七八九十年月])([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日", 0.8,
     "中新社北京七月三十日电 论坛将于九月八日开幕。",
     "a month and day in Chinese numerals (older news agency copy): of the article's year (round blind-o)"),
    ("date-day-range", "date", r"(?<![\d月日])(\d{1,2})\s*日?\s*(?:至|到|—|–|-|~)\s*(\d{1,2})\s*日(?![电讯报])", 0.8,
     "洽谈会于3日至4日在成都举办。",
     "a run of days alone (洽谈会于10日至11日…): the article's month, only when it ends by the article's day (round blind-y)"),
    ("date-day", "date", r"(?<![\d月日])(\d{1,2})\s*日(?![电讯报])", 0.8, "记者5日从北京市经信局了解到，园区加快建设。",
     "a day alone (news: 记者16日从…): the article's month, only when not after the article's day"),
    ("date-plan", "date", r"[“\"]?(十[一二三四五]五)[”\"]?\s*(期间|时期|末|初|以来|中期)", 0.9, "“十四五”期间，园区将建成一批项目。"),
    ("date-plan-document", "date", r"[“\"](十[一二三四五]五)[”\"](?=[^，。；《》“”]{0,10}规划(?:的(?:编制|制定|起草|研究|编写)|(?:编制|起草|编写)工作))", 0.85,
     "湖南省启动了“十四五”网络安全规划的编制。",
     "a five-year plan's period named for a plan being drafted — not inside a document title 《…“十四五”…规划》"),
    ("date-congress", "date", r"[“\"]?(十[六七八九]大|二十大)[”\"]?\s*(以来|之后|召开以来)", 0.9, "党的“十八大”以来，产业发展迅速。"),
    ("date-congress-party", "date", r"(?<=党的)\s*[“\"]?(十[六七八九]大|二十大)[”\"]?(?=精神|胜利召开|召开)", 0.9, "为深入贯彻党的十九大精神，成都市制定本意见。",
     "党的十九大精神 / 召开: the congress's month (not 党的二十大报告, a document)"),
    ("date-month", "date", r"(?<![\d年月\-—–~至到前后第])(\d{1,2})\s*月份?(?![\d日底末初中上下旬])", 0.75, "9月的成都，桂花飘香。",
     "a month alone (9月的成都): that month of the article's year"),
    ("date-today", "date", r"(今天|今日)(?!头条)", 0.85, "今天，北京经开区发布产业地图。",
     "the article's day (needs the article's full date), or its dateline's (北京七月三十日电…今天: round blind-o)"),
    ("date-yesterday", "date", r"(昨日|昨天|前天)", 0.85, "晚报讯 昨日，市委常委调研信息安全企业。",
     "the day before the article's day (needs the article's full date)"),
]
