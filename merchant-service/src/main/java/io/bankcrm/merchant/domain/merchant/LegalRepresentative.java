package io.bankcrm.merchant.domain.merchant;

/**
 * The merchant's legal representative (法定代表人) as the business licence names them.
 *
 * @param residentIdNumber personal data: stored encrypted and shown masked (platform PiiProtector, phase B)
 */
public record LegalRepresentative(String name, String residentIdNumber) {
}
