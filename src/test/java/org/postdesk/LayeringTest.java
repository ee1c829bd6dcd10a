package org.postdesk;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package rules of docs/ARCHITECTURE.md ("Packages"), checked on the compiled classes (imports, calls,
 * fields, signatures; also fully qualified names, which an import scan misses). Each rule names what a
 * package may use; the adapters ({@code cli}, {@code daemon}) are used by nobody but each other.
 */
@AnalyzeClasses(packages = "org.postdesk", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {
    private static final String JDK = "java..";
    private static final String GENERATED_STORE = "org.postdesk.store.db..";

    @ArchTest
    static final ArchRule domainUsesOnlyTheJdk = classes().that().resideInAPackage("org.postdesk.tickets..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(JDK, "javax.crypto..", "org.postdesk.tickets..")
            .because("the domain is plain Java: no I/O, testable without a server");

    @ArchTest
    static final ArchRule slaUsesOnlyTheJdkAndTheDomain = classes().that().resideInAPackage("org.postdesk.sla..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(JDK, "org.postdesk.tickets..", "org.postdesk.sla..")
            .because("SLA clocks are pure functions of events and a Clock");

    @ArchTest
    static final ArchRule mailKnowsNoOtherPackage = noClasses().that().resideInAPackage("org.postdesk.mail..")
            .should().dependOnClassesThat().resideInAnyPackage("org.postdesk.tickets..", "org.postdesk.sla..",
                    "org.postdesk.store..", "org.postdesk.config..", "org.postdesk.outbound..", "org.postdesk.ingest..",
                    "org.postdesk.app..", "org.postdesk.reports..", "org.postdesk.cli..", "org.postdesk.daemon..")
            .because("MIME parsing and composing know nothing of tickets or the store");

    @ArchTest
    static final ArchRule storeUsesOnlyTheDomain = noClasses().that().resideInAPackage("org.postdesk.store..")
            .should().dependOnClassesThat().resideInAnyPackage("org.postdesk.mail..", "org.postdesk.config..",
                    "org.postdesk.outbound..", "org.postdesk.ingest..", "org.postdesk.app..", "org.postdesk.reports..",
                    "org.postdesk.cli..", "org.postdesk.daemon..")
            .because("repositories depend on jOOQ and the domain's records only");

    @ArchTest
    static final ArchRule configUsesOnlyTheStoreSettings = noClasses().that().resideInAPackage("org.postdesk.config..")
            .should().dependOnClassesThat().resideInAnyPackage("org.postdesk.mail..", "org.postdesk.outbound..",
                    "org.postdesk.ingest..", "org.postdesk.app..", "org.postdesk.reports..", "org.postdesk.cli..",
                    "org.postdesk.daemon..", GENERATED_STORE);

    @ArchTest
    static final ArchRule outboundIsBelowIngestAndTheUseCases = noClasses().that()
            .resideInAPackage("org.postdesk.outbound..")
            .should().dependOnClassesThat().resideInAnyPackage("org.postdesk.ingest..", "org.postdesk.app..",
                    "org.postdesk.reports..", "org.postdesk.cli..", "org.postdesk.daemon..", GENERATED_STORE);

    @ArchTest
    static final ArchRule useCasesAreBelowTheAdapters = noClasses().that().resideInAPackage("org.postdesk.app..")
            .should().dependOnClassesThat().resideInAnyPackage("org.postdesk.ingest..", "org.postdesk.cli..",
                    "org.postdesk.daemon..", GENERATED_STORE, "picocli..", "jakarta.mail..", "org.eclipse.angus..")
            .because("the use cases take the caller's transaction and know neither IMAP nor Picocli (a parsed"
                    + " message, org.postdesk.mail's InboundMessage, is their input)");

    @ArchTest
    static final ArchRule ingestIsTheImapAdapterOnly = noClasses().that().resideInAPackage("org.postdesk.ingest..")
            .should().dependOnClassesThat().resideInAnyPackage("org.postdesk.outbound..", "org.postdesk.tickets..",
                    "org.postdesk.sla..")
            .because("the IMAP adapter fetches, hands the source to app.IngestService and flags; the rules are in app");

    @ArchTest
    static final ArchRule ingestIsBelowTheCommandLineAndTheDaemon = noClasses().that()
            .resideInAPackage("org.postdesk.ingest..")
            .should().dependOnClassesThat().resideInAnyPackage("org.postdesk.cli..", "org.postdesk.daemon..",
                    "org.postdesk.reports..", GENERATED_STORE);

    /**
     * The commands that change tickets, mailboxes and templates parse, call one use case of {@code app} (or
     * {@code outbound.TemplateAdmin}) in one transaction, and print: no repository of their own. The commands
     * that only print a view (list, show, history, report…) still read the store's read models; see
     * docs/ARCHITECTURE.md, "Packages".
     */
    @ArchTest
    static final ArchRule changingCommandsCallUseCasesNotRepositories = noClasses().that()
            .haveNameMatching("org\\.postdesk\\.cli\\.(Ticket(Assign|Close|Link|Merge|Note|Release|Reopen)Command"
                    + "|TicketAdminSupport|Mailbox(Add|Set|Enable|Disable|Remove)Command|MailboxCommand"
                    + "|Template(Set|Edit|Import|Rollback|Render)Command|TemplateSupport"
                    + "|HoursSetCommand|Holiday(Add|Import|Remove)Command|Sla(Set|Remove)Command|SlaCli)(\\$.*)?")
            .should().dependOnClassesThat(resideInAPackage("org.postdesk.store..").and(nameEndingWith("Repository")))
            .orShould().dependOnClassesThat().resideInAPackage(GENERATED_STORE)
            .because("a rule in a command is a rule written twice (the close rule once disagreed between #close and"
                    + " postdesk ticket close)");

    @ArchTest
    static final ArchRule reportsOnlyRead = noClasses().that().resideInAPackage("org.postdesk.reports..")
            .should().dependOnClassesThat().resideInAnyPackage("org.postdesk.mail..", "org.postdesk.outbound..",
                    "org.postdesk.ingest..", "org.postdesk.app..", "org.postdesk.cli..", "org.postdesk.daemon..");

    @ArchTest
    static final ArchRule nothingUsesTheCommandLine = noClasses().that().resideOutsideOfPackage("org.postdesk.cli..")
            .should().dependOnClassesThat().resideInAPackage("org.postdesk.cli..");

    @ArchTest
    static final ArchRule onlyTheCommandLineUsesTheDaemon = noClasses().that()
            .resideOutsideOfPackages("org.postdesk.cli..", "org.postdesk.daemon..")
            .should().dependOnClassesThat().resideInAPackage("org.postdesk.daemon..");

    @ArchTest
    static final ArchRule generatedTablesStayInTheStore = noClasses().that()
            .resideOutsideOfPackages("org.postdesk.store..", "org.postdesk.reports..", "org.postdesk.cli..",
                    "org.postdesk.daemon..")
            .should().dependOnClassesThat().resideInAPackage(GENERATED_STORE)
            .because("*Record types never leave the store (reports, a few read-only CLI views and the sandbox's demo"
                    + " data read tables)");

    @ArchTest
    static final ArchRule periodicRoundsSurviveTheirErrors = noClasses().that()
            .doNotHaveFullyQualifiedName("org.postdesk.daemon.Rounds")
            .should().callMethodWhere(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                    HasName.Predicates.nameMatching("scheduleWithFixedDelay")))
            .because("a scheduled executor never runs a task again once it threw, and says nothing: daemon.Rounds"
                    + " schedules a round so that an Error (the heap exhausted) is an outage it retries");

    @ArchTest
    static final ArchRule noCyclesBetweenPackages = slices().matching("org.postdesk.(*)..").should().beFreeOfCycles();
}
