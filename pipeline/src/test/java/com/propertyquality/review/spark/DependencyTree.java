package com.propertyquality.review.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maven's verbose dependency tree of the module (dependency:tree -Dverbose, as text), read as a graph: which
 * artifacts a dependency brings, directly or not. The verbose tree lists an artifact under every dependency that
 * asks for it, expanding it only once; the closure follows the expanded node, so an artifact counts as Spark's even
 * when Maven placed it under another dependency that is nearer.
 */
final class DependencyTree {

    /** groupId:artifactId[:classifier] to the same keys of its own dependencies. */
    private final Map<String, Set<String>> children = new HashMap<>();

    private DependencyTree() {
    }

    static DependencyTree read(Path file) {
        DependencyTree tree = new DependencyTree();
        List<String> path = new ArrayList<>(); // the keys from the root to the current line's parent
        try {
            for (String line : Files.readAllLines(file)) {
                int marker = Math.max(line.indexOf("+- "), line.indexOf("\\- "));
                if (marker < 0) {
                    continue; // the module itself, on the first line
                }
                int depth = marker / 3;
                String key = key(line.substring(marker + 3));
                while (path.size() > depth) {
                    path.remove(path.size() - 1);
                }
                String parent = depth == 0 ? null : path.get(depth - 1);
                if (parent != null) {
                    tree.children.computeIfAbsent(parent, k -> new LinkedHashSet<>()).add(key);
                }
                path.add(key);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the dependency tree " + file, e);
        }
        return tree;
    }

    /** The artifact and everything it depends on, directly or not, as groupId:artifactId[:classifier] keys. */
    Set<String> closure(String key) {
        Set<String> closure = new LinkedHashSet<>();
        Deque<String> next = new ArrayDeque<>(List.of(key));
        while (!next.isEmpty()) {
            String current = next.pop();
            if (closure.add(current)) {
                next.addAll(children.getOrDefault(current, Set.of()));
            }
        }
        return closure;
    }

    /** Whether this jar from the local Maven repository is the artifact of one of these keys. */
    static boolean isOneOf(Path jar, Set<String> keys) {
        String path = jar.toString().replace('\\', '/');
        Path versionFolder = jar.getParent();
        String artifact = versionFolder.getParent().getFileName().toString();
        String version = versionFolder.getFileName().toString();
        String file = jar.getFileName().toString();
        String stem = artifact + "-" + version;
        String classifier = file.startsWith(stem + "-") ? file.substring(stem.length() + 1, file.length() - 4) : "";
        for (String key : keys) {
            String[] parts = key.split(":");
            String group = parts[0].replace('.', '/');
            String keyClassifier = parts.length > 2 ? parts[2] : "";
            if (parts[1].equals(artifact) && keyClassifier.equals(classifier)
                    && path.contains("/" + group + "/" + artifact + "/" + version + "/")) {
                return true;
            }
        }
        return false;
    }

    /**
     * groupId:artifactId[:classifier] of a tree line's artifact, written g:a:type:version:scope or
     * g:a:type:classifier:version:scope, in parentheses with a reason when Maven omitted it there.
     */
    private static String key(String artifact) {
        String text = artifact.startsWith("(") ? artifact.substring(1) : artifact;
        int end = text.indexOf(' ');
        String[] parts = (end < 0 ? text : text.substring(0, end)).split(":");
        return parts.length >= 6 ? parts[0] + ":" + parts[1] + ":" + parts[3] : parts[0] + ":" + parts[1];
    }
}
