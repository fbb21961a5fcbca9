package app.chorus.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TextAnalysisTests {

	/** One for the class: building it reads the word lists, and the first language call reads the model. */
	private static final TextAnalysis analysis = new TextAnalysis();

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			en | Thanks for getting back to me so quickly, the new calendar works well
			en | love it
			en | so bad
			en | @shop.test where is my order?
			af | waar is my bestelling?
			nl | waar is mijn bestelling?
			de | wo ist meine Bestellung?
			da | Tak for hjælpen, jeg er meget glad for jeres service
			da | tusind tak
			da | Hvornår kommer min pakke? Jeg har ventet i to uger
			ko | 배송이 빨라서 정말 좋았어요
			ko | 감사합니다
			ne | तपाईंको सेवा धेरै राम्रो छ, धन्यवाद
			ne | आइतबार पसल कति बजे खुल्छ?
			hi | मुझे यह नया ऐप बहुत पसंद आया
			hi | दुकान रविवार को कितने बजे खुलती है?
			mr | माझे खाते पुन्हा बंद झाले आहे
			""")
	void tellsTheLanguage(String expected, String text) {
		assertThat(analysis.language(text)).isEqualTo(expected);
	}

	@Test
	void tellsDanishFromNorwegianAndSwedish() {
		assertThat(analysis.language("Jeg er ikke tilfreds med jeres svar, hvad skal jeg gøre nu?")).isEqualTo("da");
		assertThat(analysis.language("Jeg er ikke fornøyd med svaret deres, hva skal jeg gjøre nå?")).isEqualTo("nb");
		assertThat(analysis.language("Jag är inte nöjd med ert svar, vad ska jag göra nu?")).isEqualTo("sv");
		assertThat(analysis.language("Mødet er på torsdag klokken ti")).isEqualTo("da");
	}

	@Test
	void linksHandlesHashtagsAndEmojiDoNotDecideTheLanguage() {
		assertThat(analysis.language("@kundeservice_dk https://example.com/track?id=42 #fail 😡😡 hvor er min pakke henne?"))
			.isEqualTo("da");
		assertThat(analysis.language("@chorus_app 🙏🙏 धन्यवाद, तपाईंहरूको सहयोग राम्रो छ #nepal https://t.co/abc"))
			.isEqualTo("ne");
		assertThat(analysis.language("#love #happy #summer https://example.com @someone 😍")).isEqualTo("und");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   ", "\n\t", "\u0000\u0001\u0007", "😀😀", "42", "a", "\ud800", "\udc00 \ud83d", "@x https://a.b" })
	void textWithoutWordsIsUndetermined(String text) {
		assertThat(analysis.language(text)).isEqualTo("und");
		assertThat(analysis.analyse(text).language()).isEqualTo("und");
	}

	@Test
	void neverThrows() {
		assertThatCode(() -> {
			analysis.analyse(null);
			analysis.analyse("\ud83d\ud83d broken \udc00 surrogates \u0000 good");
			analysis.analyse("x".repeat(100_000));
			analysis.sentiment("I love it", "xx");
			analysis.sentiment("I love it", null);
		}).doesNotThrowAnyException();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			en | POSITIVE | I love the new update, great work!
			en | NEGATIVE | This is the worst service, I am so disappointed
			da | POSITIVE | Tusind tak, det er en fantastisk app
			da | NEGATIVE | Elendig service, jeg er virkelig skuffet
			ko | POSITIVE | 정말 좋아요, 감사합니다
			ko | NEGATIVE | 최악이에요. 너무 실망했어요
			ko | NEGATIVE | 별로 좋지 않아요
			ne | POSITIVE | धेरै राम्रो सेवा, धन्यवाद
			ne | NEGATIVE | यो सेवा एकदम खराब छ, म निराश छु
			""")
	void readsClearSentiment(String language, SentimentLabel expected, String text) {
		assertThat(analysis.sentiment(text, language).label()).isEqualTo(expected);
		assertThat(analysis.analyse(text)).isEqualTo(new Analysis(language, analysis.sentiment(text, language)));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			en | good            | not good
			en | bad             | not bad
			da | godt            | ikke godt
			ko | 좋아요          | 안 좋아요
			ko | 좋아요          | 안좋아요
			ko | 좋아요          | 좋지 않아요
			ne | राम्रो छ        | राम्रो छैन
			ne | मिठो छ          | नमिठो छ
			""")
	void negationTurnsTheSentiment(String language, String plain, String negated) {
		double before = analysis.sentiment(plain, language).score();
		double after = analysis.sentiment(negated, language).score();
		assertThat(before).isNotZero();
		assertThat(Math.signum(after)).isEqualTo(-Math.signum(before));
	}

	@Test
	void intensifiersStrengthen() {
		assertThat(analysis.sentiment("the service was very good", "en").score())
			.isGreaterThan(analysis.sentiment("the service was good", "en").score());
		assertThat(analysis.sentiment("정말 좋아요", "ko").score()).isGreaterThan(analysis.sentiment("좋아요", "ko").score());
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			en | The event starts at 7 pm in the main hall.
			da | Mødet er på torsdag klokken ti
			ko | 행사는 저녁 7시에 시작합니다
			ne | कार्यक्रम साँझ सात बजे सुरु हुन्छ
			""")
	void factualTextIsNeutral(String language, String text) {
		assertThat(analysis.sentiment(text, language)).isEqualTo(Sentiment.NEUTRAL);
	}

	@Test
	void emojiCountInAnyLanguage() {
		assertThat(analysis.sentiment("😍😍👏", "und").label()).isEqualTo(SentimentLabel.POSITIVE);
		assertThat(analysis.sentiment("☹️ 👎", "fr").label()).isEqualTo(SentimentLabel.NEGATIVE);
		assertThat(analysis.sentiment("great :)", "en").score()).isGreaterThan(analysis.sentiment("great", "en").score());
	}

	@Test
	void scoresStayWithinBounds() {
		String loud = "best best best amazing awesome love love 😍😍😍 ".repeat(200);
		String awful = "worst terrible awful hate 😡🤬 ".repeat(200);
		assertThat(analysis.sentiment(loud, "en").score()).isBetween(0.9, 1.0);
		assertThat(analysis.sentiment(awful, "en").score()).isBetween(-1.0, -0.9);
		assertThat(analysis.sentiment("I love it", "en").score()).isBetween(-1.0, 1.0);
	}

	@Test
	void aLongerTextWeighsOneWordLess() {
		assertThat(analysis.sentiment("good", "en").score())
			.isGreaterThan(analysis.sentiment("good, and then we talked about the weather and the trains for a while", "en").score());
	}

	@Test
	void labelsFollowTheNeutralBand() {
		assertThat(Sentiment.of(0.05).label()).isEqualTo(SentimentLabel.NEUTRAL);
		assertThat(Sentiment.of(-0.2).label()).isEqualTo(SentimentLabel.NEGATIVE);
		assertThat(Sentiment.of(0.2).label()).isEqualTo(SentimentLabel.POSITIVE);
		assertThat(SentimentLabel.NEGATIVE.key()).isEqualTo("negative");
		assertThat(analysis.sentimentLanguages()).containsExactlyInAnyOrder("en", "da", "ko", "ne");
	}
}
