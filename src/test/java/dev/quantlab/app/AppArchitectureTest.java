package dev.quantlab.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The app's layout rules: a tab is a plug-in that shares code only through {@code app/services},
 * {@code app/common} and {@code app/charts}; a view model is testable without a stage; the app's sub-packages form
 * no cycle (the root package only wires: nothing below it imports it). Production classes only (tests may reach
 * across tabs to build fixtures).
 */
class AppArchitectureTest {
    private static final List<String> TABS = List.of("baseline", "kmeans", "qat", "linear", "integer", "compare");

    private static JavaClasses app;

    @BeforeAll
    static void importApp() {
        app = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("/test-classes/")) // also with -Dquantlab.buildDir
                .importPackages("dev.quantlab.app");
    }

    @Test
    void noTabPackageImportsAnotherTab() {
        for (String tab : TABS) {
            String[] others = TABS.stream().filter(t -> !t.equals(tab)).map(t -> "dev.quantlab.app." + t + "..")
                    .toArray(String[]::new);
            noClasses().that().resideInAPackage("dev.quantlab.app." + tab + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .because("a tab is a plug-in: shared pieces live in app/services, app/common or app/charts")
                    .check(app);
        }
    }

    @Test
    void viewModelsDoNotImportJavaFxScene() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAPackage("javafx.scene..")
                .because("a view model is tested without a stage; the view binds to it")
                .check(app);
    }

    @Test
    void appSubPackagesFormNoCycle() {
        slices().matching("dev.quantlab.(**)").should().beFreeOfCycles().check(app);
    }
}
