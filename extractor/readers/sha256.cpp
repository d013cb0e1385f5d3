#include "extractor/readers/sha256.hpp"

#include <openssl/evp.h>

#include <array>
#include <stdexcept>

// The digest comes from OpenSSL's libcrypto, which the program already loads through libpq: it
// uses the CPU's SHA instructions where there are some, and hashing every input is otherwise a
// noticeable part of a small report's cost (a portable C++ SHA-256 took ~5 % of the text path).
namespace nianbao::readers {
namespace {

std::string to_hex(const unsigned char* digest, unsigned int size) {
  static constexpr char k_hex[] = "0123456789abcdef";
  std::string hex(2 * std::size_t{size}, '\0');
  for (unsigned int i = 0; i < size; ++i) {
    hex[2 * i] = k_hex[digest[i] >> 4];
    hex[2 * i + 1] = k_hex[digest[i] & 0x0F];
  }
  return hex;
}

// Fetched once: OpenSSL 3 would otherwise look the algorithm up in its provider on every call.
const EVP_MD* sha256_algorithm() {
  static EVP_MD* const algorithm = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  if (algorithm == nullptr) throw std::runtime_error("SHA-256 is not available from libcrypto");
  return algorithm;
}

}  // namespace

std::string sha256_hex(std::string_view bytes) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int size = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), digest.data(), &size, sha256_algorithm(), nullptr) !=
      1)
    throw std::runtime_error(
        "SHA-256 failed");  // only without memory; callers turn it into a record
  return to_hex(digest.data(), size);
}

}  // namespace nianbao::readers
