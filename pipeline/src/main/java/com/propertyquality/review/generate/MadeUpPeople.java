package com.propertyquality.review.generate;

import java.util.List;

/**
 * Personal data that belongs to nobody: names drawn from common surname and given-name characters, and phone
 * numbers with the prefix 100, which no Chinese mobile number has (they start 13-19), so a generated number can
 * never reach a real person.
 */
final class MadeUpPeople {

    private static final List<String> SURNAMES = List.of("王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周",
            "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高", "郑", "梁", "谢", "宋", "唐", "许", "邓", "冯",
            "韩", "曹", "曾", "彭", "萧", "蔡", "潘", "田", "董", "袁", "于", "余");
    private static final List<String> GIVEN = List.of("伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋",
            "勇", "艳", "杰", "娟", "涛", "明", "超", "秀", "霞", "平", "刚", "桂", "英", "华", "文", "建", "国", "志",
            "海", "玲", "燕", "红", "晓", "嘉", "俊", "婷", "雪", "宇", "浩", "欣", "喆", "堃", "燊");

    private MadeUpPeople() {
    }

    static String name(Dice dice) {
        String name = SURNAMES.get(dice.below(SURNAMES.size())) + GIVEN.get(dice.below(GIVEN.size()));
        return dice.chance(0.7) ? name + GIVEN.get(dice.below(GIVEN.size())) : name;
    }

    static String phone(Dice dice) {
        return "100-" + RecordIds.padded(dice.below(10_000), 4) + "-" + RecordIds.padded(dice.below(10_000), 4);
    }
}
