package com.propertyquality.review.metrics;

/**
 * The area catalogue (涉及方面) a feedback entry or an action concerns, with the level of customer needs it
 * belongs to (客户需求识别: management, service, business).
 */
public enum Area implements Coded {
    ENVIRONMENT("environment", "环境卫生", ServiceLevel.MANAGEMENT),
    GREENING("greening", "绿化", ServiceLevel.MANAGEMENT),
    MAINTENANCE("maintenance", "维修保养", ServiceLevel.MANAGEMENT),
    WATER_POWER("water_power", "供水供电", ServiceLevel.MANAGEMENT),
    LIFT("lift", "电梯", ServiceLevel.MANAGEMENT),
    SECURITY("security", "安全秩序", ServiceLevel.MANAGEMENT),
    PARKING("parking", "停车", ServiceLevel.MANAGEMENT),
    FEES("fees", "收费", ServiceLevel.MANAGEMENT),
    RECEPTION("reception", "接待服务", ServiceLevel.SERVICE),
    COMPLAINT_HANDLING("complaint_handling", "投诉处理", ServiceLevel.SERVICE),
    FOLLOW_UP("follow_up", "服务跟进", ServiceLevel.SERVICE),
    BUSINESS("business", "经营服务", ServiceLevel.BUSINESS),
    OTHER("other", "其它", ServiceLevel.SERVICE);

    private final String code;
    private final String chinese;
    private final ServiceLevel level;

    Area(String code, String chinese, ServiceLevel level) {
        this.code = code;
        this.chinese = chinese;
        this.level = level;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String chinese() {
        return chinese;
    }

    public ServiceLevel level() {
        return level;
    }
}
