@NullMarked
package app.chorus.support;

import org.jspecify.annotations.NullMarked;
