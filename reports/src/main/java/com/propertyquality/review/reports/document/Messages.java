package com.propertyquality.review.reports.document;

import java.util.EnumMap;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of a report, one properties file per language ({@code messages_zh.properties},
 * {@code messages_en.properties}, UTF-8) beside the code that prints them. A message's {@code {0}}, {@code {1}}…
 * are replaced by its arguments as {@link String#valueOf} writes them: arguments come already formatted (rates by
 * {@code Percent}, dates as ISO), so no locale rule may change a figure, and an apostrophe is just an apostrophe
 * (no {@link java.text.MessageFormat} quoting to get wrong in "office's").
 *
 * A missing key is a programming error and fails loudly; the bundles' tests hold both languages to the same keys
 * and placeholders.
 */
public final class Messages {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

    private final String baseName;
    private final Map<Lang, ResourceBundle> bundles = new EnumMap<>(Lang.class);

    /** @param baseName the bundle's base name, e.g. {@code com.propertyquality.review.packet.messages} */
    public Messages(String baseName) {
        this.baseName = baseName;
        ClassLoader loader = Messages.class.getClassLoader();
        // No fallback to the JVM's default locale: an English packet on a Chinese desktop stays English.
        ResourceBundle.Control exact = ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
        for (Lang lang : Lang.values()) {
            bundles.put(lang, ResourceBundle.getBundle(baseName, lang.locale(), loader, exact));
        }
    }

    /** The message {@code key} in {@code lang}, its placeholders replaced by {@code args}. */
    public String get(Lang lang, String key, Object... args) {
        String pattern;
        try {
            pattern = bundles.get(lang).getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("no message " + key + " in " + baseName + " (" + lang.tag() + ")", e);
        }
        return fill(pattern, key, args);
    }

    /** Whether the bundle of {@code lang} has {@code key}. */
    public boolean has(Lang lang, String key) {
        return bundles.get(lang).containsKey(key);
    }

    /** Every key of the bundle of {@code lang}. */
    public Set<String> keys(Lang lang) {
        return bundles.get(lang).keySet();
    }

    /** The raw pattern of a message, placeholders left in. */
    public String pattern(Lang lang, String key) {
        return bundles.get(lang).getString(key);
    }

    private static String fill(String pattern, String key, Object[] args) {
        if (pattern.indexOf('{') < 0) {
            return pattern;
        }
        Matcher placeholder = PLACEHOLDER.matcher(pattern);
        StringBuilder text = new StringBuilder();
        while (placeholder.find()) {
            int index = Integer.parseInt(placeholder.group(1));
            if (index >= args.length) {
                throw new IllegalArgumentException("message " + key + " needs argument {" + index + "}, given "
                        + args.length);
            }
            placeholder.appendReplacement(text, Matcher.quoteReplacement(String.valueOf(args[index])));
        }
        placeholder.appendTail(text);
        return text.toString();
    }
}
