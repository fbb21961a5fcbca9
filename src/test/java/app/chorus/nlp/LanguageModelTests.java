package app.chorus.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/** Chorus's evaluation of OpenNLP's language model gives OpenNLP's own figures, text by text. */
class LanguageModelTests {

	static LanguageDetectorModel opennlp;
	static LanguageModel model;

	@BeforeAll
	static void read() {
		opennlp = LanguageIdentifier.readModel();
		model = LanguageModel.of(opennlp);
	}

	@Test
	void everyLanguagesProbabilityIsOpenNlpsOwn() {
		LanguageDetectorME detector = new LanguageDetectorME(opennlp);
		List<String> texts = List.of("This is the worst service I have ever had, where is my refund",
				"Tak for den hurtige hjælp med refunderingen, det er virkelig godt", "배송이 정말 빠르고 좋아요 감사합니다",
				"तपाईंको सेवा एकदम राम्रो छ, पैसाको लागि धन्यवाद", "मुझे आपकी सेवा बहुत पसंद है",
				"Ich warte seit drei Wochen auf meine Bestellung!!!", "¿Dónde está mi pedido? 😡😡 #envío @tienda",
				"see https://example.com/a?b=c and www.example.org, 12345 times, soooooo gooood",
				"İSTANBUL'da KARGO gecikti", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🎉 text with surrogate pairs 𠜎", "a", "", "   ",
				"Ünïcödé façade, naïve café; ÆØÅ æøå", "日本語のテキストです。", "Это очень плохо, верните деньги",
				"love it".repeat(200));
		for (String text : texts) {
			double[] ours = model.probabilities(text);
			Language[] theirs = detector.predictLanguages(text);
			assertThat(theirs).hasSize(model.outcomes());
			double sum = 0;
			for (Language language : theirs) {
				int index = indexOf(language.getLang());
				assertThat(ours[index]).as("%s for \"%s\"", language.getLang(), text)
					.isCloseTo(language.getConfidence(), within(1e-12));
				sum += ours[index];
			}
			assertThat(sum).isCloseTo(1.0, within(1e-9));
		}
	}

	private static int indexOf(String outcome) {
		for (int i = 0; i < model.outcomes(); i++) {
			if (model.outcome(i).equals(outcome)) {
				return i;
			}
		}
		throw new AssertionError("no outcome " + outcome);
	}
}
