package com.propertyquality.review.marts;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The registry of marts: what `aggregate` computes and writes, what `marts` lists and what `query` registers as
 * views. Each family of marts (survey, feedback, actions, ...) lists its own; add a family here. A mart comes
 * after the marts it is built on.
 */
public final class Marts {

    private Marts() {
    }

    public static List<Mart> all() {
        List<Mart> marts = new ArrayList<>();
        marts.addAll(SurveyMarts.marts());
        marts.addAll(PriorityMarts.marts());
        marts.addAll(CustomerMarts.marts());
        marts.addAll(FeedbackMarts.marts());
        marts.addAll(QualityMarts.marts());
        marts.addAll(CustomerValueMarts.marts());
        marts.addAll(ReviewMarts.marts());
        marts.addAll(SourceMarts.marts());
        return marts;
    }

    /** @throws IllegalArgumentException for a name that is not a mart */
    public static Mart named(String name) {
        return all().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("no mart named " + name + "; the marts are "
                        + all().stream().map(Mart::name).toList()));
    }

    /** The named marts with every mart they are built on, directly or not, in the registry's order. */
    public static List<Mart> withInputs(List<String> names) {
        Set<String> needed = new LinkedHashSet<>();
        names.forEach(name -> addWithInputs(named(name), needed));
        return all().stream().filter(m -> needed.contains(m.name())).toList();
    }

    private static void addWithInputs(Mart mart, Set<String> needed) {
        if (needed.add(mart.name())) {
            mart.inputs().forEach(input -> addWithInputs(named(input), needed));
        }
    }
}
