package com.propertyquality.review.metrics;

/** A value of the procedures with the English code the lake stores and its Chinese name. */
public interface Coded {

    String code();

    String chinese();
}
