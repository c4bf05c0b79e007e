package com.propertyquality.review.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The masks of a rejected row's personal data, computed by hand. */
class MaskingTest {

    @Test
    void aNameKeepsItsFirstCharacterAndAStarForEveryOther() {
        assertThat(Masking.name("王小明")).isEqualTo("王**");
        assertThat(Masking.name("欧阳娜娜")).isEqualTo("欧***");
        // a one-character name still hides that it is one
        assertThat(Masking.name("李")).isEqualTo("李*");
        // a character outside the Basic Multilingual Plane is one character, not two halves
        assertThat(Masking.name("𠀋一")).isEqualTo("𠀋*");
    }

    @Test
    void aPhoneKeepsItsFirstThreeAndLastFourDigits() {
        assertThat(Masking.phone("13812341111")).isEqualTo("138****1111");
        assertThat(Masking.phone("138-1234-1111")).isEqualTo("138****1111");
        assertThat(Masking.phone("0755 8888 1234")).isEqualTo("075*****1234");
        // eight digits: one hidden
        assertThat(Masking.phone("87654321")).isEqualTo("876*4321");
        // shorter: nothing shown at all
        assertThat(Masking.phone("1234567")).isEqualTo("*******");
    }

    @Test
    void blanksStayBlank() {
        assertThat(Masking.name(null)).isNull();
        assertThat(Masking.name("  ")).isNull();
        assertThat(Masking.phone(null)).isNull();
        assertThat(Masking.phone("")).isNull();
    }
}
