package com.propertyquality.review.packet;

import static com.propertyquality.review.packet.FixedPacketSource.row;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PacketSourceTest {

    @Test
    void aPlanTableIsFoundByItsYearWhetherThePartitionGivesTextOrANumber() {
        // ParquetRows gives the partition value back as text ("2025"); hand-made rows may hold an Integer
        FixedPacketSource source = new FixedPacketSource().lake("review_attendees",
                row("year", "2025", "seq", 1, "name", "Chen"),
                row("year", 2025, "seq", 2, "name", "Lin"),
                row("year", "2024", "seq", 1, "name", "Gone"),
                row("year", null, "seq", 1, "name", "Nobody"));

        assertThat(source.lakeOfYear("review_attendees", 2025)).extracting(r -> r.get("name"))
                .containsExactly("Chen", "Lin");
        assertThat(source.lakeOfYear("review_attendees", 2023)).isEmpty();
    }
}
