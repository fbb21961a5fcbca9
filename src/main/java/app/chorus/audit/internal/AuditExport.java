package app.chorus.audit.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Component;

import app.chorus.audit.AuditEntry;
import app.chorus.audit.AuditFilter;
import app.chorus.shared.ids.WorkspaceId;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a workspace's entries (newest first, filtered) as CSV or JSON, page by page so a long trail never sits in
 * memory whole. Both carry the hashes, so an exported trail can be verified elsewhere.
 */
@Component
public class AuditExport {

	private static final String[] HEADER = { "seq", "id", "occurredAt", "actorId", "actor", "action", "target",
			"details", "address", "userAgent", "prevHash", "hash" };

	private final AuditReader reader;
	private final JsonMapper json;

	AuditExport(AuditReader reader, JsonMapper json) {
		this.reader = reader;
		this.json = json;
	}

	public void csv(WorkspaceId workspace, AuditFilter filter, OutputStream out) throws IOException {
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		// A byte order mark lets spreadsheet programs read Korean and Nepali text correctly.
		writer.write('\ufeff');
		CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(HEADER).get());
		forEach(workspace, filter, e -> {
			try {
				csv.printRecord(e.seq(), e.id(), e.occurredAt(), e.actorId() == null ? "" : e.actorId(),
						e.actorLabel(), e.action(), e.target(), json.writeValueAsString(e.details()), e.address(),
						e.userAgent(), e.prevHash(), e.hash());
			}
			catch (IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		});
		csv.flush();
	}

	public void json(WorkspaceId workspace, AuditFilter filter, OutputStream out) throws IOException {
		try (JsonGenerator generator = json.createGenerator(out)) {
			generator.writeStartArray();
			forEach(workspace, filter, e -> json.writeValue(generator, e));
			generator.writeEndArray();
		}
	}

	private void forEach(WorkspaceId workspace, AuditFilter filter, java.util.function.Consumer<AuditEntry> action) {
		Long before = null;
		while (true) {
			List<AuditEntry> page = reader.page(workspace, filter, before, AuditReader.MAX_PAGE);
			page.forEach(action);
			if (page.size() < AuditReader.MAX_PAGE) {
				return;
			}
			before = page.getLast().seq();
		}
	}
}
