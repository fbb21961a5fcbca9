/**
 * Language detection and sentiment: pure functions over the text of a post, comment, mention or message, with no
 * tables and no state. {@link app.chorus.nlp.TextAnalysis} tells which language a text is in (ISO 639-1, {@code und}
 * when it cannot) and how it feels (negative, neutral or positive, with a score in [-1, 1]). Everything it needs ships
 * in the build: the Apache OpenNLP language model and the sentiment word lists under {@code nlp/} on the class path;
 * nothing is downloaded at run time. Corrections people make are stored by the modules that use it, not here.
 */
@ApplicationModule(displayName = "Language and sentiment", allowedDependencies = {})
@NullMarked
package app.chorus.nlp;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
