#include <iostream>
#include "solyte/version.hpp"
int main() { std::cout << "solyte " << solyte::version() << "\n"; }
