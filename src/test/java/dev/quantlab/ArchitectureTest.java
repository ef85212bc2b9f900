package dev.quantlab;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pipeline's layering rules, checked on the compiled production classes: everything outside the two shells
 * ({@code app}, {@code cli}) and {@link Main} is plain Java + DJL (so a new pipeline package is covered without being
 * listed), and the pipeline's top-level packages do not depend on each other in a cycle. The app's own rules (tab
 * packages, view models) are checked elsewhere.
 */
class ArchitectureTest {
    private static JavaClasses production;

    @BeforeAll
    static void importClasses() {
        production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("/test-classes/")) // also with -Dquantlab.buildDir
                .importPackages("dev.quantlab");
    }

    /** Every class outside the shells: no UI toolkit, no charts, no shell. */
    static final ArchRule PIPELINE_IS_UI_FREE = noClasses()
            .that().resideInAPackage("dev.quantlab..")
            .and().resideOutsideOfPackages("dev.quantlab.app..", "dev.quantlab.cli..")
            .and().doNotHaveFullyQualifiedName("dev.quantlab.Main")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.jfree..", "org.controlsfx..",
                    "dev.quantlab.app..", "dev.quantlab.cli..")
            .because("the pipeline is plain Java + DJL; app and cli are thin shells over it");

    /** No cycle between the pipeline's top-level packages (dev.quantlab.X, with its subpackages). */
    static final ArchRule PIPELINE_PACKAGES_FREE_OF_CYCLES = slices()
            .matching("dev.quantlab.(*)..").namingSlices("pipeline package $1")
            .should().beFreeOfCycles();

    /** The production classes outside the shells. */
    static JavaClasses pipeline(JavaClasses classes) {
        return classes.that(resideOutsideOfPackages("dev.quantlab.app..", "dev.quantlab.cli.."));
    }

    @Test
    void pipelineNeverDependsOnTheUiOrTheShells() {
        PIPELINE_IS_UI_FREE.check(production);
    }

    @Test
    void pipelinePackagesHaveNoCycles() {
        PIPELINE_PACKAGES_FREE_OF_CYCLES.check(pipeline(production));
    }
}
