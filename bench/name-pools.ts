/** Name parts for the synthetic corpus: common given names and surnames from many languages. */
export const FIRST_NAMES =
  `Amara Tomasz Leila Henrik Sofia Kwame Yuki Mateo Ingrid Rahul Chiara Oluwaseun Mei Dmitri Fatima
Lucas Aisha Bram Elena Javier Noor Kenji Hanna Tariq Camille Pedro Ayesha Lars Zeynep Diego Marta Emeka Sun Viktor
Isabel Hamid Freya Rafael Priya Jonas Nadia Teodor Lucia Farid Astrid Manuel Keiko Omar Greta Andrei Rosa Kofi Lina
Matteo Sana Niklas Paula Arjun Ines Hugo Maja Tunde Alma Felipe Yara Sven Carmen Ravi Eva Malik Hiroshi Olga Bruno
Amina Karl Beatriz Samir Ida Ricardo Leyla Jan Dalia`.split(/\s+/);

export const LAST_NAMES =
  `Okafor Kowalski Haddad Lindberg Rossi Mensah Takahashi Herrera Johansson Sharma Bianchi Adeyemi Chen
Volkov Rahman Moreau Alvarez Siddiqui Jansen Petrova Navarro Aziz Nakamura Schmidt Costa Khan Nilsson Yilmaz Gomez
Novak Eze Park Ivanov Fernandes Karimi Berg Santos Iyer Weber Hosseini Lund Ferreira Sato Ali Fischer Horvat Asante
Rojas Mahmoud Dubois Kapoor Vogel Silva Tanaka Hassan Larsen Moretti Owusu Kim Popescu Ortega Nasser Brandt Ramos
Mehta Kruger Morales Abbasi Holm Conti Boateng Lee Stoica Medina Farouk Keller Pereira Ito Qureshi Wagner Castillo
Amini Eriksson Greco Nwosu Choi Marin Vargas Saleh Hoffmann Lopes Mori Chaudhry Richter Soto Darwish Strand Ricci
Appiah Yamada Petrescu Fuentes Jaber Bauer Cardoso Kato Malik Koch Reyes Sabry Dahl Gallo Acheampong Hayashi Lungu`.split(
    /\s+/,
  );

export const OUTLET_WORDS = {
  places:
    `Northern Harbour Valley River Capital Coastal Island Metro Highland Prairie Lakeside Bay Delta Summit
Central Western Eastern Southern City County Border Plains Forest Canyon`.split(/\s+/),
  nouns: `Times Herald Courier Post Gazette Ledger Observer Tribune Dispatch Chronicle Journal Record Sentinel
Bulletin Monitor Standard Express Mirror Review Daily`.split(/\s+/),
};
