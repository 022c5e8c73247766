package org.attendanceroutes.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.FieldVisitor;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.SpringAsmInfo;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A route cannot go without process test coverage: every executable process in processes/*.bpmn
 * is run by a test class that imports {@link RouteProcessCoverage}, which fails that class below
 * 100 %. A class counts as running a process when its compiled code names the process key (a
 * constant such as {@code ROUTE}, or the literal it starts the process with): read from the
 * bytecode, so no list has to be kept and a new route's test class is found as it is.
 */
class EveryRouteIsCoveredTest {

    static final PathMatchingResourcePatternResolver RESOURCES = new PathMatchingResourcePatternResolver();
    static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";

    @Test
    void everyProcessInProcessesIsRunByATestClassThatImportsRouteProcessCoverage() throws Exception {
        Map<String, Set<String>> coverageTestStrings = coverageTestClassStrings();
        assertThat(coverageTestStrings).as("test classes that import RouteProcessCoverage").isNotEmpty();

        List<String> uncovered = new ArrayList<>();
        processFilesByKey().forEach((key, file) -> {
            if (coverageTestStrings.values().stream().noneMatch(strings -> strings.contains(key))) {
                uncovered.add(file + " (process key \"" + key + "\")");
            }
        });
        assertThat(uncovered)
                .as("processes run by no test class that imports RouteProcessCoverage: give each a route test "
                        + "with @Import(RouteProcessCoverage.class) that starts it by its key (processes/README.md, "
                        + "\"Testing a route\")")
                .isEmpty();
    }

    /**
     * The key of each executable process, with the file it is in, as the engine deploys them (read
     * as plain XML: the BPMN model API's schema validation would take seconds).
     */
    static Map<String, String> processFilesByKey() throws Exception {
        DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
        xml.setNamespaceAware(true);
        Map<String, String> keys = new TreeMap<>();
        for (Resource bpmn : RESOURCES.getResources("classpath*:processes/*.bpmn")) {
            try (InputStream in = bpmn.getInputStream()) {
                NodeList processes = xml.newDocumentBuilder().parse(in).getElementsByTagNameNS(BPMN, "process");
                for (int i = 0; i < processes.getLength(); i++) {
                    Element process = (Element) processes.item(i);
                    if (Boolean.parseBoolean(process.getAttribute("isExecutable"))) { // the engine deploys only these
                        keys.put(process.getAttribute("id"), "processes/" + bpmn.getFilename());
                    }
                }
            }
        }
        assertThat(keys).as("executable processes in processes/*.bpmn").isNotEmpty();
        return keys;
    }

    /**
     * The string constants in the compiled code of each test class that imports RouteProcessCoverage,
     * its nested classes and lambdas included, by top-level class name.
     */
    static Map<String, Set<String>> coverageTestClassStrings() throws IOException, ClassNotFoundException {
        Map<String, Set<String>> strings = new HashMap<>();
        for (Resource file : RESOURCES.getResources("classpath*:org/attendanceroutes/**/*.class")) {
            try (InputStream in = file.getInputStream()) {
                ClassReader reader = new ClassReader(in);
                String topLevel = reader.getClassName().replace('/', '.').split("\\$")[0];
                reader.accept(new StringCollector(strings.computeIfAbsent(topLevel, name -> new HashSet<>())),
                        ClassReader.SKIP_DEBUG);
            }
        }
        Map<String, Set<String>> coverageTests = new HashMap<>();
        for (Map.Entry<String, Set<String>> entry : strings.entrySet()) {
            Class<?> type = Class.forName(entry.getKey(), false, EveryRouteIsCoveredTest.class.getClassLoader());
            if (importsRouteProcessCoverage(type)) {
                coverageTests.put(entry.getKey(), entry.getValue());
            }
        }
        return coverageTests;
    }

    static boolean importsRouteProcessCoverage(Class<?> type) {
        return MergedAnnotations.from(type, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY).stream(Import.class)
                .map(MergedAnnotation::synthesize)
                .anyMatch(imported -> List.of(imported.value()).contains(RouteProcessCoverage.class));
    }

    /** Collects string constants: constant fields' values and the strings the code loads. */
    static class StringCollector extends ClassVisitor {
        final Set<String> strings;

        StringCollector(Set<String> strings) {
            super(SpringAsmInfo.ASM_VERSION);
            this.strings = strings;
        }

        @Override
        public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
            if (value instanceof String constant) {
                strings.add(constant);
            }
            return null;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                String[] exceptions) {
            return new MethodVisitor(SpringAsmInfo.ASM_VERSION) {
                @Override
                public void visitLdcInsn(Object value) {
                    if (value instanceof String constant) {
                        strings.add(constant);
                    }
                }
            };
        }
    }
}
