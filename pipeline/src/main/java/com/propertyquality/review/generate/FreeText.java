package com.propertyquality.review.generate;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.propertyquality.review.metrics.Area;
import com.propertyquality.review.metrics.SurveyItem;

/**
 * The free text of the registers, in the words offices write: complaint summaries per area, survey comments,
 * inspection findings, action descriptions. A few hold commas and quotation marks, as real summaries do, so the
 * CSV quoting is exercised; none holds a line break, so a row is one line and expected.json can name it.
 */
final class FreeText {

    private FreeText() {
    }

    private static final Map<Area, List<String>> COMPLAINTS = new EnumMap<>(Map.ofEntries(
            Map.entry(Area.ENVIRONMENT, List.of("楼道垃圾未及时清运", "垃圾桶周边有异味", "地下车库积水有蚊虫",
                    "楼道扶手积灰，多日未清洁", "外墙瓷砖脱落无人清理")),
            Map.entry(Area.GREENING, List.of("绿化带杂草丛生", "树枝遮挡窗户，要求修剪", "草坪喷洒农药未提前通知")),
            Map.entry(Area.MAINTENANCE, List.of("报修三天无人上门", "外墙渗水导致卧室墙面发霉", "维修后再次漏水",
                    "业主反映\"维修师傅迟到\"，要求道歉", "单元门禁损坏未修", "下水道堵塞返水", "楼道灯损坏多日")),
            Map.entry(Area.WATER_POWER, List.of("停水未提前通知", "水压不足，高层无法洗澡", "夜间频繁停电",
                    "水费计量有误")),
            Map.entry(Area.LIFT, List.of("电梯频繁故障停运", "电梯困人，救援不及时", "电梯异响，存在安全隐患",
                    "电梯年检标志过期")),
            Map.entry(Area.SECURITY, List.of("陌生人随意进出小区", "夜间巡逻不到位", "快递柜被撬",
                    "保安态度生硬")),
            Map.entry(Area.PARKING, List.of("临时车占用业主车位", "车库收费道闸故障排长队", "消防通道被车辆占用",
                    "访客车辆无法登记进入")),
            Map.entry(Area.FEES, List.of("物业费上涨未公示", "收费票据开具不及时", "公共能耗分摊不透明")),
            Map.entry(Area.RECEPTION, List.of("前台无人接听电话", "客服人员态度冷淡", "办事需要反复跑腿")),
            Map.entry(Area.COMPLAINT_HANDLING, List.of("投诉一周无人回复", "投诉处理结果不满意",
                    "同一问题多次投诉未解决")),
            Map.entry(Area.FOLLOW_UP, List.of("维修后无人回访", "承诺的整改没有下文")),
            Map.entry(Area.BUSINESS, List.of("家政服务人员迟到", "团购生鲜不新鲜", "有偿维修收费偏高")),
            Map.entry(Area.OTHER, List.of("邻居装修噪音扰民", "宠物粪便无人清理"))));

    private static final Map<Area, List<String>> REQUESTS = new EnumMap<>(Map.ofEntries(
            Map.entry(Area.MAINTENANCE, List.of("申请维修水龙头", "申请更换门锁", "申请疏通下水道", "空调外机支架加固")),
            Map.entry(Area.LIFT, List.of("申请预约货梯", "搬家申请电梯保护")),
            Map.entry(Area.WATER_POWER, List.of("申请开通燃气", "申请电表增容")),
            Map.entry(Area.ENVIRONMENT, List.of("申请清运装修垃圾", "申请楼道消杀")),
            Map.entry(Area.PARKING, List.of("申请开通临时车位", "申请办理月卡")),
            Map.entry(Area.BUSINESS, List.of("预约家政保洁", "预约家电清洗", "订购桶装水")),
            Map.entry(Area.OTHER, List.of("办理装修许可", "开具居住证明", "申请借用活动室"))));

    private static final List<String> OPINIONS = List.of("建议楼道每周消毒一次", "建议增设儿童游乐设施",
            "建议延长会所开放时间", "建议增加充电桩", "建议公示物业费收支", "建议增加夜间巡逻");

    private static final List<String> PRAISE = List.of("感谢维修师傅及时上门", "前台服务热情周到",
            "保安帮忙搬运重物，特此表扬", "保洁阿姨工作认真", "管家主动上门回访");

    private static final Map<SurveyItem, String> WEAK_ITEM_COMMENTS = new EnumMap<>(Map.ofEntries(
            Map.entry(SurveyItem.ENVIRONMENT, "希望加强楼道保洁"),
            Map.entry(SurveyItem.GREENING, "绿化养护不够及时"),
            Map.entry(SurveyItem.MAINTENANCE, "报修响应太慢，希望改进"),
            Map.entry(SurveyItem.WATER_POWER, "停水停电要提前通知"),
            Map.entry(SurveyItem.LIFT, "电梯经常故障"),
            Map.entry(SurveyItem.SECURITY, "门岗管理太松"),
            Map.entry(SurveyItem.RECEPTION, "前台电话经常无人接"),
            Map.entry(SurveyItem.COMPLAINT_HANDLING, "投诉后没有结果，\"石沉大海\""),
            Map.entry(SurveyItem.FOLLOW_UP, "维修后没有回访")));

    private static final List<String> GOOD_COMMENTS = List.of("总体满意，继续保持", "管家服务很好",
            "小区环境越来越好", "无");

    private static final List<String> FINDINGS = List.of("消防通道有堆物", "维修记录填写不完整", "保洁死角未清理",
            "绿化带有枯枝未清理", "回访记录缺失", "电梯轿厢有污渍", "岗亭人员未按规定着装", "交接班记录不全",
            "设备房未上锁", "投诉登记未及时关闭");

    private static final Map<Area, List<String>> ACTIONS = new EnumMap<>(Map.ofEntries(
            Map.entry(Area.ENVIRONMENT, List.of("调整保洁排班，垃圾每日清运两次", "增加地下车库消杀频次")),
            Map.entry(Area.GREENING, List.of("制定绿化养护月计划并公示")),
            Map.entry(Area.MAINTENANCE, List.of("报修积压：增派维修工，超过48小时未处理的由管理处主任督办",
                    "外墙渗漏专项排查，雨季前完成修补", "修订《维修服务规范》，统一响应时限")),
            Map.entry(Area.WATER_POWER, List.of("停水停电提前48小时在电梯厅公告", "更换老化的二次供水水泵")),
            Map.entry(Area.LIFT, List.of("与电梯维保单位约谈，故障率纳入考核", "加装电梯困人应急呼叫系统")),
            Map.entry(Area.SECURITY, List.of("加强门岗访客登记，增加夜间巡逻频次")),
            Map.entry(Area.PARKING, List.of("重新划线并加装车位锁，临时车引导至地面停车场", "更换车库道闸")),
            Map.entry(Area.FEES, List.of("每季度公示物业费收支")),
            Map.entry(Area.RECEPTION, List.of("前台电话设置转接，保证工作时间有人接听")),
            Map.entry(Area.COMPLAINT_HANDLING, List.of("修订《顾客投诉处理程序》：24小时内回复、7日内办结")),
            Map.entry(Area.FOLLOW_UP, List.of("维修完成后三日内回访，回访记录纳入月检")),
            Map.entry(Area.BUSINESS, List.of("更换生鲜供应商，建立到货抽检")),
            Map.entry(Area.OTHER, List.of("完善装修管理规定并告知业主"))));

    private static final List<String> VISIT_NOTES = List.of("电话回访", "上门回访", "业主表示满意", "业主提出新的建议",
            "多次拨打无人接听");

    static String complaint(Area area, Dice dice) {
        return one(COMPLAINTS.get(area), dice);
    }

    static String request(Area area, Dice dice) {
        List<String> texts = REQUESTS.get(area);
        return texts == null ? "申请" + area.chinese() + "相关服务" : one(texts, dice);
    }

    static String opinion(Dice dice) {
        return one(OPINIONS, dice);
    }

    static String praise(Dice dice) {
        return one(PRAISE, dice);
    }

    static String comment(SurveyItem weakest, Dice dice) {
        return weakest == null ? one(GOOD_COMMENTS, dice) : WEAK_ITEM_COMMENTS.get(weakest);
    }

    /** One or two findings of an inspection, joined as inspectors do with a full-width semicolon. */
    static String findings(int nonconformities, Dice dice) {
        if (nonconformities <= 0) {
            return null;
        }
        String first = one(FINDINGS, dice);
        if (nonconformities == 1) {
            return first;
        }
        String second = one(FINDINGS, dice);
        return second.equals(first) ? first : first + "；" + second;
    }

    static String action(Area area, Dice dice) {
        return one(ACTIONS.get(area), dice);
    }

    static String visitNote(Dice dice) {
        return one(VISIT_NOTES, dice);
    }

    private static String one(List<String> texts, Dice dice) {
        return texts.get(dice.below(texts.size()));
    }
}
