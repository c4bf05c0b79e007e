package com.propertyquality.review.packet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.propertyquality.review.marts.MartColumn;
import com.propertyquality.review.marts.MartColumns;
import com.propertyquality.review.marts.ReviewMarts.ReviewAttentionItems;
import com.propertyquality.review.marts.ReviewMarts.ReviewTriggersMart;
import com.propertyquality.review.reports.document.Lang;

/** Each kind of trigger and attention item worded from the mart's evidence fields, in both languages. */
class TriggerEvidenceTest {

    private static final LocalDate AS_OF = LocalDate.of(2025, 12, 31);

    @Test
    void aRegisterComplaintNamesItsAreaAndStatusAndKeepsItsSummary() {
        MartRow row = trigger("feedback", "maintenance", "closed", null, "水管爆裂");
        assertThat(TriggerEvidence.of(row, Lang.ZH)).isEqualTo("顾客严重投诉 · 维修保养 · 已关闭：水管爆裂");
        assertThat(TriggerEvidence.of(row, Lang.EN)).isEqualTo("Serious customer complaint · Maintenance · Closed: 水管爆裂");
    }

    @Test
    void aPlanEventNamesItsKind() {
        MartRow row = trigger("review_events", "serious_complaint", null, null, "电梯停运三天");
        assertThat(TriggerEvidence.of(row, Lang.ZH)).isEqualTo("严重投诉：电梯停运三天");
        assertThat(TriggerEvidence.of(row, Lang.EN)).isEqualTo("Serious complaint: 电梯停运三天");
    }

    @Test
    void anAuditFindingNamesItsAuditAndClause() {
        MartRow row = trigger("review_audit_findings", "internal", null, "8.2.2", "回访记录缺失");
        assertThat(TriggerEvidence.of(row, Lang.ZH)).isEqualTo("内部审核严重不合格（条款 8.2.2）：回访记录缺失");
        assertThat(TriggerEvidence.of(row, Lang.EN))
                .isEqualTo("Serious nonconformity, internal audit (clause 8.2.2): 回访记录缺失");
        MartRow noClause = trigger("review_audit_findings", "third_party", null, null, "records");
        assertThat(TriggerEvidence.of(noClause, Lang.ZH)).isEqualTo("第三方审核严重不合格：records");
        assertThat(TriggerEvidence.of(noClause, Lang.EN)).isEqualTo("Serious nonconformity, third party audit: records");
    }

    @Test
    void aLateReviewGivesItsDatesAndSaysWhenItIsOverdueAtTheAsOfDay() {
        MartRow late = attention("review_overdue", null, Map.of(
                "evidence_previous_date", LocalDate.of(2023, 11, 20), "evidence_date", LocalDate.of(2024, 12, 20),
                "evidence_limit", 12L, "date", LocalDate.of(2024, 11, 20), "as_of", LocalDate.of(2024, 11, 10)));
        assertThat(TriggerEvidence.of(late, Lang.ZH))
                .isEqualTo("上次评审 2023-11-20，会议日期 2024-12-20，晚于最迟日期 2024-11-20（间隔超过 12 个月）");
        assertThat(TriggerEvidence.of(late, Lang.EN)).isEqualTo("Previous review 2023-11-20, meeting 2024-12-20,"
                + " after the last day allowed 2024-11-20 (more than 12 months apart)");
        MartRow overdue = attention("review_overdue", null, Map.of(
                "evidence_previous_date", LocalDate.of(2023, 11, 20), "evidence_date", LocalDate.of(2024, 12, 20),
                "evidence_limit", 12L, "date", LocalDate.of(2024, 11, 20), "as_of", LocalDate.of(2024, 12, 1)));
        assertThat(TriggerEvidence.of(overdue, Lang.ZH)).endsWith("（间隔超过 12 个月）；评审基准日已超期");
        assertThat(TriggerEvidence.of(overdue, Lang.EN)).endsWith("apart); overdue at the as-of date");
    }

    @Test
    void aReturnRateUnderTheThresholdOrAnAnomaly() {
        MartRow under = attention("return_rate_below_threshold", "B", Map.of("evidence_count", 54L,
                "evidence_total", 120L, "evidence_rate", 0.45, "evidence_threshold", 0.6));
        assertThat(TriggerEvidence.of(under, Lang.ZH)).isEqualTo("回收率 54/120 = 0.450，低于 0.6");
        assertThat(TriggerEvidence.of(under, Lang.EN)).isEqualTo("Return rate 54/120 = 0.450, below 0.6");
        MartRow exceeds = attention("return_rate_below_threshold", "B", Map.of("evidence_code",
                "returned_exceeds_distributed", "evidence_count", 33L, "evidence_total", 30L));
        assertThat(TriggerEvidence.of(exceeds, Lang.ZH)).isEqualTo("回收数超过发放数（数据错误）：回收 33 份，发放 30 份");
        // the anomaly named as the return-rate check names it
        assertThat(TriggerEvidence.of(exceeds, Lang.EN)).isEqualTo(
                "More returned than distributed (data error): 33 returned, 30 distributed");
        MartRow none = attention("return_rate_below_threshold", "B", Map.of("evidence_code",
                "no_distribution_record", "evidence_count", 7L));
        assertThat(TriggerEvidence.of(none, Lang.ZH)).isEqualTo("无发放记录：回收 7 份，发放 — 份");
        assertThat(TriggerEvidence.of(none, Lang.EN)).isEqualTo("No distribution record: 7 returned, — distributed");
    }

    @Test
    void aSatisfactionDropOfAnOfficeOrTheCompany() {
        MartRow office = attention("satisfaction_drop", "A", Map.of("evidence_previous_rate", 0.875,
                "evidence_rate", 0.824));
        assertThat(TriggerEvidence.of(office, Lang.ZH)).isEqualTo("满意率 0.8750 → 0.8240，下降 5.1 个百分点（A）");
        assertThat(TriggerEvidence.of(office, Lang.EN))
                .isEqualTo("Satisfaction 0.8750 → 0.8240, down 5.1 percentage points (A)");
        MartRow company = attention("satisfaction_drop", null, Map.of("evidence_previous_rate", 27.0 / 28,
                "evidence_rate", 0.8414));
        assertThat(TriggerEvidence.of(company, Lang.ZH)).isEqualTo("满意率 0.9643 → 0.8414，下降 12.3 个百分点（公司）");
        assertThat(TriggerEvidence.of(company, Lang.EN))
                .isEqualTo("Satisfaction 0.9643 → 0.8414, down 12.3 percentage points (company)");
    }

    @Test
    void anActionFoundNotEffectiveKeepsItsDepartmentAndDescription() {
        MartRow row = attention("action_not_effective", "A", Map.of("evidence_code", "maintenance",
                "evidence_type", "corrective", "evidence_department", "工程部", "evidence_text", "更换水管"));
        assertThat(TriggerEvidence.of(row, Lang.ZH)).isEqualTo("措施验证无效（维修保养，纠正，工程部）：更换水管");
        assertThat(TriggerEvidence.of(row, Lang.EN))
                .isEqualTo("Not effective at verification (Maintenance, corrective, 工程部): 更换水管");
    }

    @Test
    void anInspectionWithManyNonconformities() {
        MartRow row = attention("inspection_nonconformities", "A", Map.of("evidence_code", "quality_monthly",
                "evidence_count", 5L, "evidence_limit", 5L, "evidence_score", 70.0));
        assertThat(TriggerEvidence.of(row, Lang.ZH)).isEqualTo("质量管理部月检不合格项 5（限值 5；外部检查任一项），得分 70.0");
        assertThat(TriggerEvidence.of(row, Lang.EN))
                .isEqualTo("Quality monthly: 5 nonconformities (limit 5; any for an external inspection), score 70.0");
    }

    @Test
    void anOtherEvent() {
        MartRow row = attention("other_event", null, Map.of("evidence_code", "other", "evidence_text", "年终客户答谢会"));
        assertThat(TriggerEvidence.of(row, Lang.ZH)).isEqualTo("其它：年终客户答谢会");
        assertThat(TriggerEvidence.of(row, Lang.EN)).isEqualTo("Other: 年终客户答谢会");
    }

    /** A row of review_triggers with every declared column, the evidence fields given. */
    private static MartRow trigger(String source, String code, String status, String clause, String text) {
        Map<String, Object> row = empty(ReviewTriggersMart.COLUMNS);
        row.putAll(Map.of("year", 2025, "clause", "d", "trigger", "major_complaint", "source", source,
                "as_of", AS_OF));
        row.put("evidence_code", code);
        row.put("evidence_status", status);
        row.put("evidence_clause", clause);
        row.put("evidence_text", text);
        return new MartRow(row);
    }

    private static MartRow attention(String item, String office, Map<String, Object> evidence) {
        Map<String, Object> row = empty(ReviewAttentionItems.COLUMNS);
        row.putAll(Map.of("year", 2025, "item", item, "source", "test", "as_of", AS_OF));
        row.put("office_id", office);
        row.putAll(evidence);
        return new MartRow(row);
    }

    private static Map<String, Object> empty(MartColumns columns) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (MartColumn column : columns.columns()) {
            row.put(column.name(), null);
        }
        return row;
    }
}
