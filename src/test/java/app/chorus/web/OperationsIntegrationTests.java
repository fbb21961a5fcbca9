package app.chorus.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.chorus.support.Api;
import app.chorus.support.ChorusIntegrationTest;
import app.chorus.support.WebClient;

/** What operators and integrators reach without signing in: health, metrics, the API description. */
@ChorusIntegrationTest
class OperationsIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void healthIsUp() {
		Api.Response health = new Api(port).get("/actuator/health", null);
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.json().get("status").asString()).isEqualTo("UP");
	}

	@Test
	void prometheusScrapesJvmAndHttpMetrics() {
		Api.Response metrics = new Api(port).get("/actuator/prometheus", null);
		assertThat(metrics.status()).isEqualTo(200);
		assertThat(metrics.raw().body()).contains("jvm_memory_used_bytes").contains("hikaricp_connections");
	}

	@Test
	void theOpenApiDocumentDescribesTheApi() {
		Api.Response openapi = new Api(port).get("/api/v1/openapi", null);
		assertThat(openapi.status()).isEqualTo(200);
		assertThat(openapi.json().get("paths").has("/api/v1/me")).isTrue();
		assertThat(openapi.json().get("paths").has("/api/v1/auth/tokens")).isTrue();
		assertThat(openapi.json().get("paths").has("/api/v1/audit/entries")).isTrue();
		assertThat(new WebClient(port).get("/api/docs").status()).isIn(200, 302);
	}

	@Test
	void pagesCarryASecurityPolicyAndTheApiAsksForAToken() {
		Api.Response page = new Api(port).get("/password/forgot", null);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.header("Content-Security-Policy")).contains("default-src 'self'").contains("frame-ancestors 'none'");
		assertThat(new Api(port).get("/api/v1/no-such-thing", null).status()).isEqualTo(401);
	}
}
