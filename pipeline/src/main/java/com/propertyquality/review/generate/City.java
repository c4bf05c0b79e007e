package com.propertyquality.review.generate;

import java.util.List;

/**
 * A city the company manages estates in, with the two-letter code of its office ids and some districts for the
 * estates' names. The big cities hold most offices, as in the Pearl River Delta company of the sample.
 */
record City(String code, String name, List<String> districts) {

    static final Weighted<City> ALL = Weighted.of(
            new City("SZ", "深圳", List.of("南山", "福田", "罗湖", "宝安", "龙岗", "龙华", "盐田")), 0.27,
            new City("GZ", "广州", List.of("天河", "越秀", "海珠", "番禺", "白云", "黄埔", "荔湾")), 0.23,
            new City("DG", "东莞", List.of("东城", "南城", "松山湖", "长安", "虎门", "塘厦")), 0.12,
            new City("FS", "佛山", List.of("禅城", "南海", "顺德", "三水")), 0.12,
            new City("ZH", "珠海", List.of("香洲", "斗门", "金湾", "横琴")), 0.08,
            new City("HZ", "惠州", List.of("惠城", "惠阳", "大亚湾", "博罗")), 0.08,
            new City("ZS", "中山", List.of("石岐", "东区", "火炬", "小榄")), 0.05,
            new City("JM", "江门", List.of("蓬江", "江海", "新会", "鹤山")), 0.05);
}
