package dev.flux.chat.message;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of messages ({@code flux.chat.messages.*}).
 *
 * @param nonceWindow how long a send repeating a nonce of the same author returns the
 * first message instead of sending another
 */
@ConfigurationProperties("flux.chat.messages")
record MessageProperties(@DefaultValue("10m") Duration nonceWindow) {

}
