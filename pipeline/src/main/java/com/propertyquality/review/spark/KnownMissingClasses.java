package com.propertyquality.review.spark;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The class loader Spark compiles and runs generated code under: the application's, remembering the names it does
 * not have. Janino, compiling each of the hundreds of classes of generated code an aggregate makes, asks the class
 * loader for every simple name under every imported package ({@code java.lang.UTF8String}, ...), and the generated
 * classes' own nested classes are asked of the parent first. Each miss searched all of the application's 288 jars:
 * 13% of the scale-1 aggregate's samples were in those searches (BENCHMARKS.md, issue 17). A name is looked up
 * there once; a miss is answered from memory after that. The application's class path does not change while it
 * runs, so a name missing once stays missing; jars Spark adds (spark.jars) go to its own loaders below this one.
 */
final class KnownMissingClasses extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final Set<String> missing = ConcurrentHashMap.newKeySet();

    KnownMissingClasses(ClassLoader parent) {
        super("known-missing-classes", parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (missing.contains(name)) {
            throw new ClassNotFoundException(name);
        }
        try {
            return super.loadClass(name, resolve);
        } catch (ClassNotFoundException e) {
            missing.add(name);
            throw e;
        }
    }
}
