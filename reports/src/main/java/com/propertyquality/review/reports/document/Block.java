package com.propertyquality.review.reports.document;

/** Something printed in a section: a table, a chart or text. */
public sealed interface Block permits Table, Paragraphs, BarChart, ParetoChart {}
