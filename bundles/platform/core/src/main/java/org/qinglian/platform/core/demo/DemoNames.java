package org.qinglian.platform.core.demo;

import java.util.List;
import java.util.Random;

/** The demo city's names: districts, townships, departments, people; picked by a seeded random. */
final class DemoNames {

    static final String CITY = "清源市";

    static final List<String> DISTRICTS = List.of("东城区", "西城区", "南湖区", "北塘区", "新港区", "高新区", "临江区",
            "青山区", "白云县", "石桥县", "龙泉县", "平安县");

    private static final List<String> PLACE = List.of("长安", "和平", "建设", "解放", "人民", "新华", "胜利", "光明",
            "红旗", "幸福", "东风", "朝阳", "文化", "民主", "团结", "前进", "永安", "福兴", "兴隆", "太平", "清河", "柳林",
            "桃源", "杏花", "梨园", "松林", "竹园", "金山", "银湖", "玉泉");

    static final List<String> DEPARTMENTS = List.of("发展和改革委员会", "教育局", "科学技术局", "工业和信息化局", "公安局",
            "民政局", "司法局", "财政局", "人力资源和社会保障局", "自然资源和规划局", "生态环境局", "住房和城乡建设局",
            "交通运输局", "水务局", "农业农村局", "商务局", "文化广电旅游局", "卫生健康委员会", "退役军人事务局", "应急管理局",
            "审计局", "国有资产监督管理委员会", "市场监督管理局", "体育局", "统计局", "医疗保障局", "城市管理局", "信访局",
            "林业局", "粮食和物资储备局", "机关事务管理局", "地方金融管理局", "数据资源管理局", "行政审批服务局", "投资促进局",
            "档案局", "人民防空办公室", "供销合作社", "税务局", "烟草专卖局");

    private static final List<String> SURNAMES = List.of("王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐",
            "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹",
            "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "任",
            "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "金");

    private static final List<String> GIVEN = List.of("伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇",
            "艳", "杰", "娟", "涛", "明", "超", "秀", "霞", "平", "刚", "桂", "英", "华", "建", "国", "文", "辉", "力", "斌",
            "宇", "浩", "凯", "鹏", "晨", "欣", "雪", "琳", "婷", "峰", "波", "海", "红", "梅", "兰", "志", "新", "春", "云",
            "亮", "成", "健", "俊", "博", "瑞", "彬", "倩", "慧", "颖", "晓");

    static final List<String> LEADER_TITLES = List.of("书记", "副书记", "主任", "副主任");
    static final List<String> STAFF_TITLES = List.of("科长", "副科长", "一级主任科员", "二级主任科员", "四级主任科员",
            "一级科员", "纪检监察员");

    private DemoNames() {
    }

    static String township(Random random, int index) {
        return PLACE.get(random.nextInt(PLACE.size())) + (index % 3 == 0 ? "镇" : "街道");
    }

    static String person(Random random) {
        String given = GIVEN.get(random.nextInt(GIVEN.size()));
        if (random.nextInt(3) > 0) {
            given += GIVEN.get(random.nextInt(GIVEN.size()));
        }
        return SURNAMES.get(random.nextInt(SURNAMES.size())) + given;
    }

    static <T> T pick(Random random, List<T> list) {
        return list.get(random.nextInt(list.size()));
    }
}
