package org.modernxmpp.portability.transfer;

import java.util.ArrayList;
import java.util.List;

import org.modernxmpp.portability.account.AccountException;
import org.modernxmpp.portability.pie.model.UserData;

/**
 * Imports one user: plans every kind first (reading and checking everything), and only then writes, in order.
 * A user whose plan fails is skipped whole; a write that fails stops this user's writes, and the outcome says
 * what was written and what was not.
 */
final class UserImport {
    private final List<KindImporter> importers = List.of(new AccountImporter(), new RosterImporter(), new VCardImporter(),
            new PrivateXmlImporter(), new OfflineMessageImporter(), new PepImporter(), new PrivacyImporter(),
            new BlocklistImporter(), new ArchiveImporter());

    UserOutcome run(UserData data, ImportTarget target) {
        String source = target.source().toBareJID();
        String jid = target.jid().toBareJID();
        if (!target.accountExists() && target.policy(DataKind.ACCOUNT) == KindPolicy.SKIP) {
            return new UserOutcome(source, jid, UserOutcome.Status.SKIPPED,
                    "there is no account " + jid + " and creating accounts is switched off", List.of());
        }
        List<KindPlan> plans = new ArrayList<>();
        try {
            for (KindImporter importer : importers) {
                if (target.policy(importer.kind()) == KindPolicy.SKIP) {
                    plans.add(KindPlan.skipped(importer.kind(), "switched off for this import"));
                } else {
                    plans.add(importer.plan(data, target));
                }
            }
        } catch (AccountException | RuntimeException e) {
            return new UserOutcome(source, jid, UserOutcome.Status.SKIPPED, "nothing written: " + describe(e), List.of());
        }
        return target.options().dryRun() ? planned(source, jid, plans) : write(source, jid, plans);
    }

    private static UserOutcome planned(String source, String jid, List<KindPlan> plans) {
        List<KindOutcome> kinds = plans.stream().map(UserImport::outcome).toList();
        return new UserOutcome(source, jid, UserOutcome.Status.DONE, null, kinds);
    }

    private static UserOutcome write(String source, String jid, List<KindPlan> plans) {
        List<KindOutcome> kinds = new ArrayList<>();
        String failure = null;
        for (KindPlan plan : plans) {
            if (failure != null) {
                kinds.add(plan.changes().isEmpty() ? outcome(plan) : new KindOutcome(plan.kind(), KindOutcome.Result.SKIPPED, 0,
                        List.of("not written after the failure in " + failure)));
                continue;
            }
            int done = 0;
            try {
                for (PlannedChange change : plan.changes()) {
                    change.write().run();
                    done++;
                }
                kinds.add(outcome(plan));
            } catch (AccountException | RuntimeException e) {
                failure = plan.kind().label();
                List<String> details = new ArrayList<>();
                details.add("failed: " + plan.changes().get(done).description() + ": " + describe(e));
                plan.changes().subList(0, done).forEach(c -> details.add("written: " + c.description()));
                plan.changes().subList(done + 1, plan.changes().size()).forEach(c -> details.add("not written: " + c.description()));
                kinds.add(new KindOutcome(plan.kind(), KindOutcome.Result.FAILED, done, details));
            }
        }
        return new UserOutcome(source, jid, failure == null ? UserOutcome.Status.DONE : UserOutcome.Status.FAILED,
                failure == null ? null : "writing " + failure + " failed; see the details", kinds);
    }

    private static KindOutcome outcome(KindPlan plan) {
        List<String> details = new ArrayList<>(plan.changes().stream().map(PlannedChange::description).toList());
        details.addAll(plan.notes());
        return new KindOutcome(plan.kind(), plan.result(), plan.changes().size(), details);
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
