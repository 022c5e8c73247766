package org.attendanceroutes;

import static com.tngtech.archunit.base.DescribedPredicate.and;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The features keep to themselves: no cycle between them, each uses only the features below it
 * (the direction the README's "Where things live" gives), and none reads or writes another's
 * tables except through that feature's methods (no other feature's repository).
 */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(AttendanceRoutesApplication.class);

    /** Each feature and the features it may use; the README's "Where things live" shows the same. */
    static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("csv", Set.of()),
            Map.entry("school", Set.of()),
            Map.entry("security", Set.of()),
            Map.entry("calendar", Set.of("csv", "school")),
            Map.entry("attendance", Set.of("calendar", "csv", "school")),
            Map.entry("casework", Set.of("attendance", "calendar", "school", "security")),
            Map.entry("letters", Set.of("casework", "calendar", "school")),
            Map.entry("absence", Set.of("school")),
            Map.entry("routes", Set.of("attendance", "calendar", "casework", "letters", "school", "security")),
            Map.entry("review", Set.of("attendance", "calendar", "casework", "routes", "school")),
            Map.entry("demo", Set.of("attendance", "calendar", "casework", "review", "routes", "school", "security")));

    @Test
    void noFeatureDependsOnAnotherInACycleOrOnItsInternals() {
        MODULES.verify();
    }

    @Test
    void eachFeatureUsesOnlyTheFeaturesBelowIt() {
        Map<String, Set<String>> used = new TreeMap<>();
        for (ApplicationModule module : MODULES) {
            used.put(module.getName(), module.getDirectDependencies(MODULES).uniqueModules()
                    .map(ApplicationModule::getName).collect(Collectors.toCollection(TreeSet::new)));
        }
        assertThat(used.keySet()).as("the features").containsExactlyInAnyOrderElementsOf(ALLOWED.keySet());
        used.forEach((feature, dependencies) ->
                assertThat(dependencies).as("what %s uses", feature).isSubsetOf(ALLOWED.get(feature)));
    }

    @Test
    void noFeatureUsesAnotherFeaturesRepositories() {
        JavaClasses application = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(AttendanceRoutesApplication.class.getPackageName());
        for (String feature : ALLOWED.keySet()) {
            String inside = "org.attendanceroutes." + feature + "..";
            noClasses().that().resideOutsideOfPackage(inside)
                    .should().dependOnClassesThat(and(resideInAPackage(inside), simpleNameEndingWith("Repository")))
                    .because(feature + "'s tables are read and written through " + feature + "'s own methods")
                    .check(application);
        }
    }
}
