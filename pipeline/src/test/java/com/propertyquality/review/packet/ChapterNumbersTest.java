package com.propertyquality.review.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.propertyquality.review.reports.document.Chapter;
import com.propertyquality.review.reports.document.Lang;
import com.propertyquality.review.reports.document.Paragraphs;
import com.propertyquality.review.reports.document.Section;

/** Chapters and their sections take their numbers from their position when the document is assembled. */
class ChapterNumbersTest {

    private static final Paragraphs TEXT = Paragraphs.of("…");

    @Test
    void sectionsAreNumberedByTheirPlaceAmongTheChaptersNumberedSections() {
        Chapter plan = Chapter.of("管理评审计划", "计划", Section.numbered("会议安排", TEXT), Section.of(null, TEXT),
                Section.numbered("评审时间间隔", TEXT), Section.of("北区管理处", TEXT));
        Chapter empty = Chapter.of("部门报告", "部门", Section.of(null, TEXT));

        List<Chapter> zh = ChapterNumbers.numbered(List.of(plan, empty), Lang.ZH);

        assertThat(zh).extracting(Chapter::title).containsExactly("一、管理评审计划", "二、部门报告");
        // an untitled section and one with a name of its own (an office) take no number and leave no gap
        assertThat(zh.get(0).sections()).extracting(Section::title)
                .containsExactly("（一）会议安排", null, "（二）评审时间间隔", "北区管理处");
        assertThat(zh.get(0).sections()).noneMatch(Section::numbered);
        assertThat(ChapterNumbers.numbered(List.of(plan), Lang.EN).get(0).sections()).extracting(Section::title)
                .containsExactly("(1) 会议安排", null, "(2) 评审时间间隔", "北区管理处");
    }

    @Test
    void aSectionLeftOutLeavesNoGap() {
        Chapter chapter = Chapter.of("服务业绩", "业绩", Section.numbered("各管理处满意率", TEXT),
                Section.numbered("调查表回收率", TEXT));

        assertThat(ChapterNumbers.numbered(List.of(chapter), Lang.ZH).get(0).sections()).extracting(Section::title)
                .containsExactly("（一）各管理处满意率", "（二）调查表回收率");
    }

    @Test
    void numbersPastTenAreWrittenAsTheProceduresWriteThem() {
        assertThat(ChapterNumbers.section(10, Lang.ZH)).isEqualTo("（十）");
        assertThat(ChapterNumbers.section(11, Lang.ZH)).isEqualTo("（十一）");
        assertThat(ChapterNumbers.section(21, Lang.ZH)).isEqualTo("（二十一）");
        assertThat(ChapterNumbers.section(11, Lang.EN)).isEqualTo("(11) ");
        assertThat(ChapterNumbers.of(11, Lang.ZH)).isEqualTo("十一、");
        assertThatThrownBy(() -> ChapterNumbers.section(0, Lang.ZH)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Section.numbered(null, TEXT)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theAssembledPacketNumbersEverySectionOnceAndNoChapterCodeDoes() {
        FixedPacketSource source = new FixedPacketSource();
        var packet = ManagementReviewPacket.of(source, 2025, Lang.ZH);

        for (Chapter chapter : packet.chapters()) {
            assertThat(chapter.sections()).noneMatch(Section::numbered);
        }
        // the fifth chapter's sections as the procedures list them, numbered once each
        assertThat(packet.chapters().get(3).sections()).extracting(Section::title)
                .containsExactly("（一）调查表真实性检验", "（二）有偿服务及投诉回访", "（三）需再次回访的住户");
        assertThat(ManagementReviewPacket.of(source, 2025, Lang.EN).chapters().get(3).sections())
                .extracting(Section::title)
                .containsExactly("(1) Survey checks", "(2) Paid-service and complaint follow-up visits",
                        "(3) Households to visit again");
    }
}
