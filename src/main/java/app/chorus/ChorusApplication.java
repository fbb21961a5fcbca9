package app.chorus;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

/** Chorus: one process serving the web UI, the REST API and the background jobs. */
@SpringBootApplication
@Modulithic(systemName = "Chorus", sharedModules = "shared")
public class ChorusApplication {

	public static void main(String[] args) {
		SpringApplication.run(ChorusApplication.class, args);
	}
}
