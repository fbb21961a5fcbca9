package app.chorus.publishing.imports;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import app.chorus.channels.ChannelManagement;
import app.chorus.channels.ChannelView;
import app.chorus.publishing.internal.PostService;
import app.chorus.shared.audit.AuditActor;
import app.chorus.shared.ids.Ids;
import app.chorus.shared.ids.WorkspaceId;
import app.chorus.shared.web.ChorusException;
import app.chorus.shared.web.ChorusException.FieldProblem;
import app.chorus.workspace.Membership;
import app.chorus.workspace.Permission;

/**
 * Bulk import of posts from a CSV file: first a dry run that checks every row as the composer would (channels,
 * permissions, each network's rules) and reports problems by line and column; then the import itself, which makes all
 * the posts in one transaction, so a file either goes in whole or not at all. Large files run in the background and
 * report their progress.
 */
@Service
public class PostImports {

	private static final Logger log = LoggerFactory.getLogger(PostImports.class);
	private static final int PROGRESS_EVERY = 25;

	private final PostService posts;
	private final ChannelManagement channels;
	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final TransactionTemplate separately;
	private final Clock clock;
	private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();

	PostImports(PostService posts, ChannelManagement channels, JdbcClient jdbc, PlatformTransactionManager manager,
			Clock clock) {
		this.posts = posts;
		this.channels = channels;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(manager);
		this.separately = new TransactionTemplate(manager);
		this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	/** One problem: the line it starts on, the column when known, and a message key with its arguments. */
	public record RowProblem(int line, @Nullable String column, String messageKey, Object[] arguments) {
	}

	/** What a dry run found. */
	public record Report(int rows, int valid, int scheduled, int drafts, List<RowProblem> problems) {
	}

	public record ImportView(UUID id, String status, int total, int done, @Nullable String error, Instant createdAt,
			@Nullable Instant finishedAt) {
	}

	/** Checks every row; makes nothing. */
	public Report dryRun(Membership membership, byte[] file, ZoneId zone) {
		requireAllowed(membership);
		return plan(membership, file, zone).report();
	}

	/**
	 * Starts the import when the dry run finds no problem.
	 * @throws ChorusException 422 listing every problem (line and column) otherwise; nothing is made
	 */
	public ImportView start(Membership membership, AuditActor who, byte[] file, ZoneId zone) {
		requireAllowed(membership);
		Plan plan = plan(membership, file, zone);
		if (!plan.report().problems().isEmpty()) {
			throw ChorusException.invalid(plan.report().problems().stream()
				.map(p -> new FieldProblem("line " + p.line() + (p.column() == null ? "" : " " + p.column()),
						p.messageKey(), p.arguments()))
				.toList());
		}
		UUID id = Ids.next();
		Instant now = clock.instant();
		jdbc.sql("""
				insert into publishing.imports (id, workspace_id, user_id, status, total, created_at)
				values (?, ?, ?, 'running', ?, ?)""")
			.params(id, membership.workspaceId().value(), membership.userId().value(), plan.drafts().size(),
					Timestamp.from(now))
			.update();
		background.submit(() -> run(id, membership, who, plan.drafts()));
		return find(membership.workspaceId(), id);
	}

	public ImportView find(WorkspaceId workspace, UUID id) {
		return jdbc.sql("""
				select id, status, total, done, error, created_at, finished_at from publishing.imports
				where workspace_id = ? and id = ?""")
			.params(workspace.value(), id)
			.query((rs, n) -> new ImportView(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3),
					rs.getInt(4), rs.getString(5), rs.getTimestamp(6).toInstant(),
					rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant()))
			.optional().orElseThrow(() -> ChorusException.notFound("import"));
	}

	private void run(UUID id, Membership membership, AuditActor who, List<PostService.Draft> drafts) {
		WorkspaceId workspace = membership.workspaceId();
		try {
			transactions.executeWithoutResult(s -> {
				int done = 0;
				for (PostService.Draft draft : drafts) {
					posts.create(membership, who, draft, null);
					done++;
					if (done % PROGRESS_EVERY == 0) {
						progress(workspace, id, done);
					}
				}
			});
			finish(workspace, id, "done", drafts.size(), null);
		}
		catch (ChorusException e) {
			log.info("Import {} stopped: {}; nothing from it was kept", id, e.messageKey());
			finish(workspace, id, "failed", 0, e.messageKey());
		}
		catch (RuntimeException e) {
			log.warn("Import {} failed; nothing from it was kept", id, e);
			finish(workspace, id, "failed", 0, "import.failed");
		}
	}

	private void progress(WorkspaceId workspace, UUID id, int done) {
		separately.executeWithoutResult(s -> jdbc.sql(
				"update publishing.imports set done = ? where workspace_id = ? and id = ?")
			.params(done, workspace.value(), id).update());
	}

	private void finish(WorkspaceId workspace, UUID id, String status, int done, @Nullable String error) {
		separately.executeWithoutResult(s -> jdbc.sql("""
				update publishing.imports set status = ?, done = ?, error = ?, finished_at = ?
				where workspace_id = ? and id = ?""")
			.params(status, done, error, Timestamp.from(clock.instant()), workspace.value(), id).update());
	}

	private record Plan(Report report, List<PostService.Draft> drafts) {
	}

	private Plan plan(Membership membership, byte[] file, ZoneId zone) {
		CsvPosts.Parsed parsed = CsvPosts.parse(file, zone);
		List<RowProblem> problems = new ArrayList<>();
		for (CsvPosts.Problem p : parsed.problems()) {
			problems.add(new RowProblem(p.line(), p.column(), p.messageKey(), p.arguments()));
		}
		List<ChannelView> all = channels.all(membership.workspaceId());
		List<PostService.Draft> drafts = new ArrayList<>();
		int scheduled = 0;
		for (CsvPosts.Row row : parsed.rows()) {
			int before = problems.size();
			Set<ChannelView> chosen = new LinkedHashSet<>();
			for (String reference : row.channels()) {
				List<ChannelView> matches = matches(all, reference);
				if (matches.size() == 1) {
					chosen.add(matches.getFirst());
				}
				else {
					problems.add(new RowProblem(row.line(), "channels", matches.isEmpty()
							? "import.row.channel-unknown" : "import.row.channel-ambiguous", new Object[] { reference }));
				}
			}
			if (problems.size() > before) {
				continue;
			}
			List<PostService.VariantDraft> variants = new ArrayList<>();
			for (ChannelView channel : chosen) {
				String text = row.networkTexts().get(channel.network());
				if (text != null) {
					variants.add(new PostService.VariantDraft(channel.id().value(), text, null, null));
				}
			}
			PostService.Draft draft = new PostService.Draft(row.text(),
					chosen.stream().map(c -> c.id().value()).toList(), variants, row.scheduledAt(), false);
			for (FieldProblem problem : posts.check(membership, draft)) {
				problems.add(new RowProblem(row.line(), column(problem.field(), chosen, row), problem.messageKey(),
						problem.arguments()));
			}
			if (problems.size() == before) {
				drafts.add(draft);
				if (row.scheduledAt() != null) {
					scheduled++;
				}
			}
		}
		int rows = parsed.rows().size() + (int) parsed.problems().stream().filter(p -> p.line() > 1)
			.mapToInt(CsvPosts.Problem::line).distinct().count();
		return new Plan(new Report(rows, drafts.size(), scheduled, drafts.size() - scheduled,
				problems.stream().sorted(java.util.Comparator.comparingInt(RowProblem::line)).toList()), drafts);
	}

	private static List<ChannelView> matches(List<ChannelView> all, String reference) {
		String wanted = reference.strip().toLowerCase(Locale.ROOT).replaceFirst("^@", "");
		List<ChannelView> byId = all.stream().filter(c -> c.id().toString().equals(wanted)).toList();
		if (!byId.isEmpty()) {
			return byId;
		}
		List<ChannelView> byHandle = all.stream().filter(c -> c.handle().toLowerCase(Locale.ROOT).equals(wanted))
			.toList();
		if (!byHandle.isEmpty()) {
			return byHandle;
		}
		return all.stream().filter(c -> c.name().toLowerCase(Locale.ROOT).equals(wanted)).toList();
	}

	/** The CSV column a service problem belongs to. */
	private static String column(String field, Set<ChannelView> chosen, CsvPosts.Row row) {
		if (field.startsWith("variants[")) {
			int index = Integer.parseInt(field.substring(9, field.indexOf(']')));
			Optional<ChannelView> channel = chosen.stream().skip(index).findFirst();
			if (channel.isPresent() && row.networkTexts().containsKey(channel.get().network())) {
				return "text_" + channel.get().network().key();
			}
			return "text";
		}
		return switch (field) {
			case "scheduledAt" -> "scheduled_at";
			case "channelIds" -> "channels";
			default -> field;
		};
	}

	private static void requireAllowed(Membership membership) {
		if (!membership.can(Permission.POSTS_DRAFT)) {
			throw ChorusException.forbidden("error.forbidden");
		}
	}
}
