package io.interservice.lab.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.interservice.lab.technique.Technique;
import io.interservice.lab.technique.Techniques;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Which module may know which: services know nothing of the lab, the libraries nothing of the
 * scenario, the owner library nothing of the consumer library, the protocol nothing of ours; and
 * neither service's main names a technique.
 */
class ModuleDirectionsTest {
  private static final Path HOME = Path.of(System.getProperty("interservice.home", ".."));
  private static final List<String> MODULES =
      List.of(
          "protocol",
          "access",
          "access-kafka",
          "owner",
          "owner-kafka",
          "access-hazelcast",
          "owner-hazelcast",
          "service-support",
          "price-grpc",
          "catalog",
          "checkout",
          "audit",
          "lab");
  private static JavaClasses classes;

  @BeforeAll
  static void importEveryModule() {
    ClassFileImporter importer =
        new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS);
    for (String module : MODULES) {
      assertThat(HOME.resolve(module).resolve("target/classes"))
          .as(module + " is built")
          .isDirectory();
    }
    classes =
        importer.importPaths(
            MODULES.stream().map(m -> HOME.resolve(m).resolve("target/classes")).toList());
    assertThat(classes.size()).as("classes imported").isGreaterThan(100);
  }

  @Test
  void theServicesKnowNothingOfTheLab() {
    noClasses()
        .that()
        .resideInAnyPackage("io.interservice.catalog..", "io.interservice.checkout..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.interservice.lab..", "io.interservice.audit..")
        .check(classes);
  }

  @Test
  void theLibrariesKnowNothingOfTheScenario() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "io.interservice.access..", "io.interservice.owner..", "io.interservice.protocol..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.interservice.catalog..",
            "io.interservice.checkout..",
            "io.interservice.service..",
            "io.interservice.pricegrpc..",
            "io.interservice.audit..",
            "io.interservice.lab..")
        .check(classes);
  }

  @Test
  void theOwnerLibraryDoesNotDependOnTheConsumerLibrary() {
    noClasses()
        .that()
        .resideInAPackage("io.interservice.owner..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.interservice.access..")
        .check(classes);
  }

  @Test
  void theProtocolDependsOnNothingOfOurs() {
    noClasses()
        .that()
        .resideInAPackage("io.interservice.protocol..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.interservice.access..", "io.interservice.owner..", "io.interservice.service..")
        .check(classes);
  }

  @Test
  void neitherServicesMainNamesATechnique() throws IOException {
    for (String main :
        List.of(
            "catalog/src/main/java/io/interservice/catalog/CatalogMain.java",
            "checkout/src/main/java/io/interservice/checkout/CheckoutMain.java")) {
      String source = Files.readString(HOME.resolve(main));
      for (Technique t : Techniques.all()) {
        assertThat(Pattern.compile("\\b" + Pattern.quote(t.name()) + "\\b").matcher(source).find())
            .as(main + " names " + t.name())
            .isFalse();
      }
    }
  }
}
